// Types of build-deb.mjs (plain JavaScript so it runs with node alone).
export declare function buildDeb(outDir?: string): string;
