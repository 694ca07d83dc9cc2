import { codeIds, type Codebook } from '@coachcode/core';

/** The codebook's codes in order, then codes the turns carry that it lacks, in first-seen order. */
export function chartCodesOf(codebook: Codebook, transcripts: readonly { turns: readonly { codes: readonly string[] }[] }[]): string[] {
  const codes = codeIds(codebook);
  for (const t of transcripts) for (const turn of t.turns) for (const c of turn.codes) if (!codes.includes(c)) codes.push(c);
  return codes;
}
