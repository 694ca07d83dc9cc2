import { baseName, type Codebook, type CodedTurn } from '@coachcode/core';
import { strToU8, zipSync } from 'fflate';
import { chartCodesOf } from './export-codes.js';
import { codeGuid, stableGuid } from './guid.js';
import { buildSourceText } from './source-text.js';
import { attrs, xmlText } from './xml.js';

/** One coded transcript to export. */
export interface QdpxTranscript {
  /** The input path as given. */
  source: string;
  turns: readonly CodedTurn[];
  /** `id@version` of the model whose codes the turns carry, or `human`. */
  model: string;
}

/** What the project says about itself. */
export interface QdpxOptions {
  /** The project name (`Project/@name`). */
  name: string;
  codebook: Codebook;
  /** The export's date: every creation date in the project (fix it for byte-identical exports). */
  date: Date;
  /** `Project/@origin`, e.g. `coachcode 0.1.0`. */
  origin: string;
  /** A colour (`#RRGGBB`) per code id, as the charts draw it. */
  colors?: Readonly<Record<string, string>>;
  /** A sentence added to the project description (how it was made). */
  note?: string;
}

/** A QDPX project: the zip's files by path (`project.qde`, `Sources/<guid>.txt`). */
export interface QdpxProject {
  qde: string;
  sources: Map<string, string>;
}

/** The codes to export: the codebook's in its order, then codes of the data it lacks, in first-seen order. */
function exportCodes(codebook: Codebook, transcripts: readonly QdpxTranscript[]): { id: string; name: string; description: string }[] {
  return chartCodesOf(codebook, transcripts).map((id) => {
    const c = codebook.codes.find((code) => code.id === id);
    return c ? { id, name: c.label, description: c.definition } : { id, name: id, description: `not in the codebook ${codebook.id}@${codebook.version}` };
  });
}

/**
 * Builds a REFI-QDA project (QDA-XML 1.0, `Project-mrt2019.xsd`) from coded transcripts: the
 * codebook as `<CodeBook>` (codebook order, definitions as descriptions, stable GUIDs from the
 * codebook id and code id), each transcript as a plain-text source (`Speaker: text`, one line per
 * turn, see `source-text.ts`), each coded turn as a `PlainTextSelection` over the turn's text with
 * one `Coding` per code, each speaker as a case with a `role` variable, and the model and date
 * in the project's description. GUIDs of sources, selections, codings and cases are derived from
 * their content's names too, so exporting the same coding twice gives the same project.
 */
export function buildQdpxProject(transcripts: readonly QdpxTranscript[], options: QdpxOptions): QdpxProject {
  const date = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { codebook } = options;
  const codes = exportCodes(codebook, transcripts);
  const guidOf = new Map(codes.map((c) => [c.id, codeGuid(codebook.id, c.id)]));
  const models = [...new Set(transcripts.map((t) => t.model))];
  const userOf = new Map(models.map((m) => [m, stableGuid('user', m)]));
  const roleVariable = stableGuid('variable', 'role');

  const users = models.map((m) => `    <User${attrs({ guid: userOf.get(m), name: m === 'human' ? 'human coder (coded JSONL naming no model)' : `coachcode model ${m}`, id: m })}/>`);
  const codeXml = codes.map((c) => {
    const color = options.colors?.[c.id];
    return `      <Code${attrs({ guid: guidOf.get(c.id), name: c.name, isCodable: true, color: color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : undefined })}>\n        <Description>${xmlText(c.description)}</Description>\n      </Code>`;
  });

  // Speakers as cases: one per speaker name, with the roles they had and the sources they speak in.
  const cases = new Map<string, { roles: string[]; sources: string[] }>();
  const sources = new Map<string, string>();
  const sourceXml: string[] = [];
  transcripts.forEach((t) => {
    const guid = stableGuid('source', t.source);
    const user = userOf.get(t.model);
    const ordered = [...t.turns].sort((a, b) => a.turn - b.turn);
    const { text, spans } = buildSourceText(ordered);
    sources.set(`Sources/${guid}.txt`, text);
    const selections: string[] = [];
    ordered.forEach((turn, i) => {
      const c = cases.get(turn.speaker) ?? { roles: [], sources: [] };
      if (!c.roles.includes(turn.role)) c.roles.push(turn.role);
      if (!c.sources.includes(guid)) c.sources.push(guid);
      cases.set(turn.speaker, c);
      if (turn.codes.length === 0) return;
      const span = spans[i] as (typeof spans)[number];
      const codings = [...new Set(turn.codes)].map(
        (code) => `        <Coding${attrs({ guid: stableGuid('coding', t.source, String(turn.turn), code, t.model), creatingUser: user, creationDateTime: date })}>\n          <CodeRef${attrs({ targetGUID: guidOf.get(code) })}/>\n        </Coding>`,
      );
      selections.push(
        `      <PlainTextSelection${attrs({ guid: stableGuid('selection', t.source, String(turn.turn)), name: `turn ${turn.turn} (${turn.speaker}, ${turn.role})`, startPosition: span.start, endPosition: span.end, creatingUser: user, creationDateTime: date })}>\n${codings.join('\n')}\n      </PlainTextSelection>`,
      );
    });
    sourceXml.push(
      `    <TextSource${attrs({ guid, name: baseName(t.source), plainTextPath: `internal://${guid}.txt`, creatingUser: user, creationDateTime: date })}>\n` +
        `      <Description>${xmlText(`${t.source}: ${ordered.length} turns, coded by ${t.model === 'human' ? 'a human coder' : t.model}. Line n is turn n, written "Speaker: text".`)}</Description>\n` +
        (selections.length ? `${selections.join('\n')}\n` : '') +
        `    </TextSource>`,
    );
  });
  const caseXml = [...cases].map(
    ([speaker, c]) =>
      `    <Case${attrs({ guid: stableGuid('case', speaker), name: speaker })}>\n` +
      `      <VariableValue>\n        <VariableRef${attrs({ targetGUID: roleVariable })}/>\n        <TextValue>${xmlText(c.roles.join(', '))}</TextValue>\n      </VariableValue>\n` +
      c.sources.map((s) => `      <SourceRef${attrs({ targetGUID: s })}/>`).join('\n') +
      `\n    </Case>`,
  );
  const description =
    `Coded by coachcode with ${models.map((m) => (m === 'human' ? 'human codes (coded JSONL naming no model)' : `model ${m}`)).join(', ')}, ` +
    `codebook ${codebook.id}@${codebook.version} (${codebook.title}), on ${date}. Each transcript is a plain-text source, one line per turn ("Speaker: text"); each coded turn is a selection of its text with one coding per code. Selection positions are Unicode code points from 0, the end exclusive.` +
    (options.note ? ` ${options.note}` : '');
  const firstUser = userOf.get(models[0] ?? '');
  const qde =
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"` +
    `${attrs({ name: options.name, origin: options.origin, creatingUserGUID: firstUser, creationDateTime: date })}>\n` +
    (users.length ? `  <Users>\n${users.join('\n')}\n  </Users>\n` : '') +
    `  <CodeBook>\n    <Codes>\n${codeXml.join('\n')}\n    </Codes>\n  </CodeBook>\n` +
    `  <Variables>\n    <Variable${attrs({ guid: roleVariable, name: 'role', typeOfVariable: 'Text' })}>\n      <Description>the speaker's role in the conversations: coach, coachee, observer or unknown</Description>\n    </Variable>\n  </Variables>\n` +
    (caseXml.length ? `  <Cases>\n${caseXml.join('\n')}\n  </Cases>\n` : '') +
    (sourceXml.length ? `  <Sources>\n${sourceXml.join('\n')}\n  </Sources>\n` : '') +
    `  <Description>${xmlText(description)}</Description>\n` +
    `</Project>\n`;
  return { qde, sources };
}

/** The project as QDPX bytes: a zip of `project.qde` and the sources, every entry dated `date` (the same input gives the same bytes). */
export function zipQdpxProject(project: QdpxProject, date: Date): Uint8Array {
  // Zip dates start in 1980.
  const mtime = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 2)));
  const files: Record<string, [Uint8Array, { mtime: Date }]> = { 'project.qde': [strToU8(project.qde), { mtime }] };
  for (const [path, text] of project.sources) files[path] = [strToU8(text), { mtime }];
  return zipSync(files, { level: 6 });
}
