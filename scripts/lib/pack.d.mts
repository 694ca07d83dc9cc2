/** Types of pack.mjs, for the tests that import it. */
export declare const ROOT: string;
export declare const PACKAGES: readonly string[];
export declare function packWorkspace(dest: string): Record<string, string>;
export declare function npmInstall(dir: string, tarballs: readonly string[]): unknown;
export declare function treeBytes(dir: string): number;
export declare function installedPackages(nodeModules: string): string[];
