import { CoachcodeError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { kappaFromConfusion } from './cohen-kappa.js';
import { codingFiles, type Coding, type CodedUnit } from './coding.js';
import { confusionSize, emptyConfusion, scoreConfusion, tallyConfusion } from './confusion.js';
import { isCompared } from './evaluate.js';
import { krippendorffAlpha, type CoderValue } from './krippendorff-alpha.js';
import { matchFiles } from './match-files.js';
import { agreementMessages } from './messages.js';

/** Options of {@link compareCoders}. */
export interface CompareCodersOptions {
  /** The codes to compare, in report order. */
  codes: readonly string[];
  /** A name per coding (default `coder 1`, `coder 2` …). */
  names?: readonly string[];
}

/** Two coders' agreement on one code, over the turns both coded with that code scored. */
export interface PairCodeAgreement {
  code: string;
  n: number;
  kappa: number | null;
  percentAgreement: number | null;
  note?: string;
}

export interface CoderPair {
  a: string;
  b: string;
  /** Turns coded by both. */
  turns: number;
  perCode: PairCodeAgreement[];
}

/** Krippendorff's alpha of all coders on one code (present = 1, absent = 0, not coded = missing). */
export interface CodeAlpha {
  code: string;
  alpha: number | null;
  /** Turns coded by two or more coders. */
  units: number;
  /** Values in those turns. */
  pairable: number;
  note?: string;
}

export interface CoderComparison {
  coders: string[];
  pairs: CoderPair[];
  alpha: CodeAlpha[];
  diagnostics: Diagnostic[];
}

/**
 * Agreement among two or more human codings of the same turns: Cohen's kappa per code for every
 * pair of coders, and Krippendorff's alpha per code over all coders (turns a coder did not code
 * are missing values). Files are aligned on the first coding's names (base name, then stem; see
 * {@link matchFiles}). Throws a {@link CoachcodeError} for fewer than two codings or no codes.
 */
export function compareCoders(codings: readonly Coding[], options: CompareCodersOptions): CoderComparison {
  const codes = [...new Set(options.codes)];
  const issues: Diagnostic[] = [];
  if (codings.length < 2) issues.push({ code: 'compare-too-few-coders', severity: 'error', message: agreementMessages.tooFewCoders(codings.length) });
  if (codes.length === 0) issues.push({ code: 'compare-no-codes', severity: 'error', message: agreementMessages.noCodes() });
  if (issues.length) throw new CoachcodeError(issues);
  const coders = codings.map((_c, i) => options.names?.[i] ?? `coder ${i + 1}`);
  const diagnostics: Diagnostic[] = [];

  // Re-key every coding on the first coding's file names.
  const [reference] = codings;
  const referenceFiles = [...codingFiles(reference ?? new Map()).keys()];
  const aligned: Map<string, CodedUnit>[] = codings.map((coding, i) => {
    if (i === 0) return coding;
    const matching = matchFiles(referenceFiles, [...codingFiles(coding).keys()]);
    diagnostics.push(...matching.diagnostics.map((d) => ({ ...d, message: `${coders[i]}: ${d.message}` })));
    const rename = new Map(matching.matches.map((m) => [m.other, m.reference]));
    return new Map([...coding.values()].map((u) => [`${rename.get(u.file) ?? u.file}#${u.turn}`, u]));
  });

  const pairs: CoderPair[] = [];
  for (let i = 0; i < aligned.length; i++) {
    for (let j = i + 1; j < aligned.length; j++) {
      const a = aligned[i] ?? new Map<string, CodedUnit>();
      const b = aligned[j] ?? new Map<string, CodedUnit>();
      const shared: [CodedUnit, CodedUnit][] = [];
      for (const [key, ua] of a) {
        const ub = b.get(key);
        if (ub) shared.push([ua, ub]);
      }
      const perCode = codes.map((code): PairCodeAgreement => {
        const c = emptyConfusion();
        for (const [ua, ub] of shared) if (isCompared(code, ua, ub)) tallyConfusion(c, ua.codes.includes(code), ub.codes.includes(code));
        const k = kappaFromConfusion(c);
        return { code, n: confusionSize(c), kappa: k.kappa, percentAgreement: scoreConfusion(c).percentAgreement, ...(k.note ? { note: k.note } : {}) };
      });
      pairs.push({ a: coders[i] ?? '', b: coders[j] ?? '', turns: shared.length, perCode });
    }
  }

  const keys = [...new Set(aligned.flatMap((m) => [...m.keys()]))];
  const alpha = codes.map((code): CodeAlpha => {
    const units = keys.map((key) =>
      aligned.map((m): CoderValue => {
        const u = m.get(key);
        return u && isCompared(code, u) ? (u.codes.includes(code) ? 1 : 0) : null;
      }),
    );
    const r = krippendorffAlpha(units);
    return { code, alpha: r.alpha, units: r.units, pairable: r.pairable, ...(r.note ? { note: r.note } : {}) };
  });
  return { coders, pairs, alpha, diagnostics };
}
