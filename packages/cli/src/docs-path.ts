import { fileURLToPath } from 'node:url';

/**
 * The path of a page of the documentation that ships with this package: the build copies the
 * repository's docs/*.md into the package's docs/ folder, beside dist/ (and src/).
 */
export function docsFile(name: string): string {
  return fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
}
