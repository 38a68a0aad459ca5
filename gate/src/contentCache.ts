/**
 * A least-recently-used map from content (a string key: the texts a verdict depends on) to what was computed
 * from it, bounded by the characters of the keys kept. The gate's judging is pure, so the same content always
 * gives the same answer: a definition sent again (a client's retry, Terraform or a CI job re-applying a group)
 * is not linted again. Only derived findings are kept, never a request's headers.
 */
export class ContentCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Map order is insertion order: re-inserting makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxChars || this.entries.has(key)) return;
    this.entries.set(key, value);
    this.chars += key.length;
    for (const [k] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= k.length;
    }
  }
}

/**
 * How many characters of keys each cache keeps: 32 Mi in all (JSON bodies are one byte a character in V8), so the
 * gate with its caches full stays well inside the 256 MB of its app definition (gate/deploy/marathon-gate.json).
 */
export const cacheChars = {
  /** lintCache: whole definitions by text (a 1,000-app group body is ~300 K). */
  definitions: 8 * 1024 * 1024,
  /** crossApp: the placed documents' texts and the relevant deployed part. */
  crossApp: 8 * 1024 * 1024,
  /** groupByApp: apps of group bodies, by text. */
  apps: 8 * 1024 * 1024,
  /** groupByApp: group skeletons. */
  skeletons: 2 * 1024 * 1024,
  /** groupByApp: whole group bodies already assembled. */
  bodies: 6 * 1024 * 1024,
};

/** One cache per profile (a gate has one; tests start several), dropped with the profile. */
export function perProfile<P extends object, V>(maxChars: number): (profile: P) => ContentCache<V> {
  const caches = new WeakMap<P, ContentCache<V>>();
  return (profile) => {
    let c = caches.get(profile);
    if (!c) caches.set(profile, (c = new ContentCache<V>(maxChars)));
    return c;
  };
}
