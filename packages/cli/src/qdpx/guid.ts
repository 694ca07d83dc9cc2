import { createHash } from 'node:crypto';

/** The namespace of coachcode's name-based GUIDs (a random UUID, fixed once). */
const NAMESPACE = Uint8Array.from(Buffer.from('5f0c2a7e9b3d4c1e8a6f2d7b4e9c1a30', 'hex'));

/**
 * A name-based GUID (RFC 4122 version 5: SHA-1 of a namespace and the name): the same name gives
 * the same GUID in every export, so a package that imports a re-export updates its items
 * instead of duplicating them. `parts` are joined with a character no part can hold.
 */
export function stableGuid(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join('\u0000'), 'utf8').digest();
  const b = Uint8Array.from(hash.subarray(0, 16));
  b[6] = ((b[6] as number) & 0x0f) | 0x50;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GUID of a code: derived from the codebook id and the code id (not the version, so a new version of a codebook updates its codes). */
export function codeGuid(codebookId: string, codeId: string): string {
  return stableGuid('code', codebookId, codeId);
}
