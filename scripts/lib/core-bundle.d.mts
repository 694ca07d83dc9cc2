/** Types of core-bundle.mjs, for the tests that import it. */
export declare const CORE_BUNDLE_GOAL: number;
export declare const CORE_CODE_BUDGET: number;
export interface CoreBundle {
  code: string;
  minified: number;
  gzipped: number;
  /** Minified bytes per input: a package name, or `core/<file>` for core's own sources. */
  inputs: Record<string, number>;
}
export declare function buildCoreBundle(options?: { models?: boolean }): Promise<CoreBundle>;
export declare function kb(bytes: number): string;
