/**
 * Marathon's PathId grammar (`state/PathId.scala`): ids are `/`-separated segments, each a dotted run of
 * DNS-style labels, or `.` / `..`. Shared by the app, group and pod id rules.
 */

/** Segment pattern as Marathon prints it in `must fully match regular expression '…'`. */
export const idSegmentPatternText =
  '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$';

// Anchored as a full match (Marathon uses matchRegexFully), so the alternation is grouped.
const segmentPattern = /^(?:(?:(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])|\.|\.\.)$/;

/** Segments Marathon reserves for its own REST sub-resources (1.5+). */
export const reservedIdSegments = ['restart', 'tasks', 'versions', '.', '..'] as const;

/** Non-empty segments of a raw id; empty segments (`//`, leading or trailing `/`) are skipped, as Marathon does. */
function idSegments(id: string): string[] {
  return id.split('/').filter((s) => s !== '');
}

/**
 * A strict subset of valid ids (no empty segments, no "."/"..", each label alnum runs joined by "-"), with
 * disjoint character classes so it runs in linear time: lets the common id skip the split.
 */
const plainId = /^\/?[a-z0-9]+(?:-+[a-z0-9]+)*(?:\.[a-z0-9]+(?:-+[a-z0-9]+)*)*(?:\/[a-z0-9]+(?:-+[a-z0-9]+)*(?:\.[a-z0-9]+(?:-+[a-z0-9]+)*)*)*$/;

export function invalidIdSegments(id: string): string[] {
  if (plainId.test(id)) return [];
  return idSegments(id).filter((s) => !segmentPattern.test(s));
}

/** The last non-empty segment (`idSegments(id).at(-1)`) without splitting the whole id. */
export function lastIdSegment(id: string): string | undefined {
  let end = id.length;
  while (end > 0 && id[end - 1] === '/') end--;
  if (end === 0) return undefined;
  return id.slice(id.lastIndexOf('/', end - 1) + 1, end);
}

/**
 * A valid id close to `id`: lower-cased, accented letters reduced to their base letters ("ö" → "o", "é" → "e":
 * NFKD, combining marks dropped, so "/Böse-App" keeps its meaning as "/bose-app"), other characters turned into
 * `-`, dashes trimmed from each label. Undefined when that does not yield a valid id (e.g. a segment made only of
 * symbols).
 */
export function suggestValidId(id: string): string | undefined {
  const fixed = id
    .split('/')
    .map((seg) =>
      seg === '.' || seg === '..'
        ? seg
        : seg
            .toLowerCase()
            .normalize('NFKD')
            .replace(/\p{M}/gu, '')
            .replace(/[^a-z0-9.-]/g, '-')
            .split('.')
            .map((label) => label.replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-'))
            .join('.'),
    )
    .join('/');
  return fixed !== id && invalidIdSegments(fixed).length === 0 && idSegments(fixed).length > 0 ? fixed : undefined;
}
