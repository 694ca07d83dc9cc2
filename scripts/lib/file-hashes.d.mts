/** Types of file-hashes.mjs, for the tests that import it. */
export declare const COACHCODE_TEMP: RegExp;
export declare function fileHash(path: string): string;
export declare function fileHashes(folders: readonly string[]): Map<string, string>;
