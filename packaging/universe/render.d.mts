// Types of render.mjs (kept as plain JavaScript so users can run it with node alone).
export declare const PACKAGES: string[];
export interface UniversePackage {
  dir: string;
  package: Record<string, any>;
  config: Record<string, any>;
  resource: Record<string, any>;
  template: string;
}
export declare function defaultsOf(schema: Record<string, any>): any;
export declare function readPackage(name: string): UniversePackage;
export declare function render(name: string, options?: object): { text: string; view: Record<string, any> };
/** mustache.java's HTML escape, as Cosmos applies it to every {{value}}. */
export declare function cosmosEscape(s: unknown): string;
