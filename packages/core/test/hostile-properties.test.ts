import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CoachcodeError,
  INPUT_FORMATS,
  evaluateCodings,
  formatDiagnostic,
  parseRolesFile,
  readCodingCsv,
  readCodingJsonl,
  safeAnalyze,
  safeDecodeBytes,
  safeParseTranscript,
  type Diagnostic,
  type InputFormat,
  type SafeResult,
} from '../src/index.js';

// Property-based tests: random and mutated transcripts of every format go through the `safe*`
// functions, which must answer with a result or with issues that name the file (and a line where
// the input has one), and never throw. Runs are bounded and seeded, so the suite stays quick and
// a failure replays (fast-check prints the seed and the shrunk counter-example).

const formatsDir = join(__dirname, '../../../fixtures/formats');
const codersDir = join(__dirname, '../../../fixtures/coders');
/** Human codings as JSONL and CSV (gold files, a second coder's, CSV with a codes column or 0/1 columns). */
const CODINGS: { name: string; text: string }[] = readdirSync(codersDir)
  .filter((f) => f.endsWith('.jsonl') || f.endsWith('.csv'))
  .map((name) => ({ name, text: readFileSync(join(codersDir, name), 'utf8') }));
const ROLES_FILES: { name: string; text: string }[] = [
  { name: 'roles.json', text: '{"angela.vtt": {"speakers": {"Angela": "coach", "Ben": "coachee"}, "metadata": {"coach": "Angela", "cohort": 2025}}, "*": {"Tom": "observer"}}' },
  { name: 'roles.csv', text: 'file,speaker,role,cohort\nangela.vtt,Angela,coach,2025\nangela.vtt,Ben,coachee,2025\n,Tom,observer,\n' },
];
const SEEDS: { name: string; bytes: Uint8Array }[] = readdirSync(formatsDir)
  .filter((f) => !f.startsWith('.') && !f.endsWith('.gold.jsonl'))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(formatsDir, name))) }));

/** Texts a hostile or careless file puts where a parser does not expect them. */
const HOSTILE = [
  'constructor: Why did you do that?\n',
  '__proto__: Why?\n',
  'toString: ok\nvalueOf: no\nhasOwnProperty: yes\n',
  '__proto__,Why did you do that?\n',
  '<v __proto__>Why?</v>',
  '<v constructor>',
  '&#99999999;',
  '&#xD800;',
  '&#0;',
  '&#x110000;',
  '&#',
  '\u200fAngela: ',
  '\u202eBen: ',
  '\u200b',
  '\u0000',
  '\u001b]0;owned\u0007\u001b[2J',
  '\r',
  '\r\n\r\n',
  '\n\n',
  '"',
  '""',
  ',',
  '\t',
  '{',
  '}',
  '[',
  ']',
  '{"speaker": "__proto__", "text": "x"}',
  '{"version": 1, "utterances": [',
  '{"source":"a","turn":1,"codes":["constructor"],"speaker":"x","text":"y"}',
  'WEBVTT\n\n',
  '00:00:01.000 --> 00:00:02.000\n',
  '99:99:99.999 --> 00:00:00.000\n',
  '00:00:01,000 --> 00:00:02,000\n',
  '1\n',
  'NOTE ',
  '-->',
  'Speaker 1  0:12\n',
  '[00:01:23] ',
  '9'.repeat(40),
  ':'.repeat(30),
  'A'.repeat(300),
  '=HYPERLINK("http://x")',
];

/** One edit of a text: cut, repeat, insert a hostile piece, replace a character, truncate. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...HOSTILE) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times) + text.slice(at + e.length);
    case 'truncate':
      return text.slice(0, at);
  }
}

const decoder = new TextDecoder();
/** A seed transcript of any format, edited one to six times. */
const mutated = fc
  .record({ seed: fc.constantFrom(...SEEDS), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) })
  .map(({ seed, edits }) => ({ name: seed.name, text: edits.reduce(applyEdit, decoder.decode(seed.bytes)) }));
/** A seed's bytes with some bytes changed, cut or repeated (encodings, BOMs, UTF-16). */
const mutatedBytes = fc
  .record({ seed: fc.constantFrom(...SEEDS), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), cut: fc.option(fc.nat()) })
  .map(({ seed, flips, cut }) => {
    const bytes = new Uint8Array(seed.bytes);
    for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return { name: seed.name, bytes: cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)) };
  });
/** Anything at all. */
const randomText = fc.string({ unit: fc.constantFrom('binary', 'grapheme', 'binary-ascii'), maxLength: 400 }).chain((s) => fc.constant(s));
const anyFormat = fc.option(fc.constantFrom(...INPUT_FORMATS), { nil: undefined });

/** Issues that come from the input (not from an option) say where: the file, and a line when the text has lines. */
function expectLocated(issues: readonly Diagnostic[], source: string): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const d of issues) {
    expect(d.source, formatDiagnostic(d)).toBe(source);
    if (d.code !== 'invalid-option') expect(d.line, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
    expect(formatDiagnostic(d)).not.toMatch(/[\r\n]/);
  }
}

/** A safe result is a result (usable all the way through) or located issues; it is never a throw. */
function expectResultOrIssues<T>(result: SafeResult<T>, source: string, use: (data: T) => void): void {
  if (result.success) {
    use(result.data);
    return;
  }
  expect(result.error).toBeInstanceOf(CoachcodeError);
  expectLocated(result.error.issues, source);
}

/** Nothing a transcript says may change the prototype every object shares. */
function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function useAnalysis(a: { records: unknown; profile: unknown; turns: readonly { speaker: string; text: string }[]; warnings: readonly Diagnostic[] }, source: string): void {
  // records and profile are built on first read: read them, and write them as JSON.
  JSON.stringify(a.records);
  JSON.stringify(a.profile);
  for (const w of a.warnings) expect(w.source).toBe(source);
  expect(a.turns.length).toBeGreaterThan(0);
}

// COACHCODE_PROPERTY_RUNS and COACHCODE_PROPERTY_SEED run a longer or another search by hand.
const RUNS = { numRuns: Number(process.env.COACHCODE_PROPERTY_RUNS ?? 400), seed: Number(process.env.COACHCODE_PROPERTY_SEED ?? 14) };

describe('hostile inputs never throw out of safe* (property-based)', () => {
  it('safeParseTranscript: mutated transcripts of every format, detected or forced to any format', () => {
    fc.assert(
      fc.property(mutated, anyFormat, ({ name, text }, format) => {
        const source = `mutated/${name}`;
        const result = safeParseTranscript(text, { source, ...(format ? { format } : {}) });
        expectResultOrIssues(result, source, (p) => expect(p.transcript.utterances.length).toBeGreaterThan(0));
        expectNoPollution();
      }),
      RUNS,
    );
  });

  it.each(INPUT_FORMATS)('safeParseTranscript as %s: random text', (format: InputFormat) => {
    fc.assert(
      fc.property(randomText, (text) => {
        expectResultOrIssues(safeParseTranscript(text, { source: 'random.txt', format }), 'random.txt', () => undefined);
        expectNoPollution();
      }),
      { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 4) },
    );
  });

  it('safeAnalyze: mutated bytes of every format (encodings, BOMs, cuts), and mutated text', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedBytes, mutated.map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) }))), ({ name, bytes }) => {
        const decoded = safeDecodeBytes(bytes, { source: name });
        expectResultOrIssues(decoded, name, () => undefined);
        expectResultOrIssues(safeAnalyze(bytes, { source: name }), name, (a) => useAnalysis(a, name));
        expectNoPollution();
      }),
      RUNS,
    );
  });

  it('safeAnalyze: random strings and bytes', () => {
    fc.assert(
      fc.property(fc.oneof(randomText, fc.uint8Array({ maxLength: 300 })), anyFormat, (input, format) => {
        const source = 'random.txt';
        expectResultOrIssues(safeAnalyze(input, { source, ...(format ? { format } : {}) }), source, (a) => useAnalysis(a, source));
        expectNoPollution();
      }),
      RUNS,
    );
  });

  it('readCodingJsonl, readCodingCsv and parseRolesFile: mutated codings and roles files', () => {
    const edited = (files: { name: string; text: string }[]) =>
      fc.record({ file: fc.constantFrom(...files), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) }).map(({ file, edits }) => ({ name: file.name, text: edits.reduce(applyEdit, file.text) }));
    fc.assert(
      fc.property(edited(CODINGS), edited(ROLES_FILES), (coding, roles) => {
        // The coding readers never throw: problems come back as diagnostics with file and line.
        const read = coding.name.endsWith('.csv') ? readCodingCsv(coding.text, { source: coding.name }) : readCodingJsonl(coding.text, { source: coding.name });
        for (const d of read.diagnostics) expect(d.source, formatDiagnostic(d)).toBe(coding.name);
        // …and what they read can be scored against itself.
        evaluateCodings(read.coding, read.coding, { codes: ['summary', 'challenge', 'constructor'], byRole: true, disagreements: true });
        // A roles file is read or refused with a CoachcodeError naming it.
        try {
          parseRolesFile(roles.text, { format: roles.name.endsWith('.json') ? 'json' : 'csv', source: roles.name });
        } catch (error) {
          expect(error).toBeInstanceOf(CoachcodeError);
          for (const d of (error as CoachcodeError).issues) expect(d.source).toBe(roles.name);
        }
        expectNoPollution();
      }),
      RUNS,
    );
  });

  // The reproducers of issue 14, as examples every run checks.
  it.each<[string, string, InputFormat | undefined]>([
    ['a speaker named constructor', 'constructor: Why did you do that?\nBen: Because.\n', undefined],
    ['a speaker named __proto__ (CSV)', 'speaker,text\n__proto__,Why did you do that?\nBen,Because.\n', 'csv'],
    ['a character reference beyond Unicode in a cue', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello &#99999999; &#xD800; &#0; there</v>\n', 'vtt'],
    ['a human code named constructor', 'speaker,text,codes\nAnn,Why?,constructor\nBen,Because.,toString\n', 'csv'],
  ])('%s', (_name, text, format) => {
    const result = safeAnalyze(text, { source: 'x', ...(format ? { format } : {}) });
    expect(result.success).toBe(true);
    if (result.success) useAnalysis(result.data, 'x');
    expectNoPollution();
  });
});
