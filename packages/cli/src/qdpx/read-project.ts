import { baseName, codingKey, type Codebook, type Coding, type CodedUnit, type Diagnostic } from '@coachcode/core';
import { strFromU8, unzipSync } from 'fflate';
import { messages } from '../messages.js';
import { sourceLines } from './source-text.js';
import { childrenNamed, descendantsNamed, parseXmlTree, type XmlElement } from './xml-tree.js';

/** A human coding read from a QDPX project, with what could not be used. */
export interface QdpxCodingRead {
  coding: Coding;
  diagnostics: Diagnostic[];
  /** The project's codes by name, with the codebook code each maps to (undefined: none). */
  codes: { name: string; guid: string; code: string | undefined }[];
  /** Text sources read. */
  sources: number;
}

/** A code name of the project → the codebook code it is (id or label, case-insensitive). */
function codeMapper(codebook: Codebook): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const c of codebook.codes) {
    byName.set(c.label.trim().toLowerCase(), c.id);
    byName.set(c.id.toLowerCase(), c.id);
  }
  return (name) => byName.get(name.trim().toLowerCase());
}

/** A zip entry by path, compared case-insensitively (`Sources/` or `sources/`). */
function entry(files: Record<string, Uint8Array>, path: string): Uint8Array | undefined {
  const wanted = path.toLowerCase();
  for (const [name, bytes] of Object.entries(files)) if (name.replace(/^\.?\//, '').toLowerCase() === wanted) return bytes;
  return undefined;
}

const int = (value: string | undefined): number | undefined => (value !== undefined && /^\s*-?\d+\s*$/.test(value) ? Number(value) : undefined);

/**
 * Reads the codings of a REFI-QDA project (`.qdpx`) as a human coding of turns, as `coachcode
 * export` lays transcripts out: in each text source, line n is turn n (an empty line: no turn).
 * Every `PlainTextSelection` codes each turn whose line it overlaps (a selection over part of a
 * turn codes that turn; positions are code points, the end exclusive), with the codes of its
 * codings, mapped by name to the codebook (its id or label, case-insensitive). A turn that no
 * selection covers is a turn coded with no code. Codes not in the codebook are reported (with
 * how many codings use them) and not used; so are codings of a whole source and selections of
 * other kinds. Never throws: problems come back as diagnostics naming `source`.
 */
export function readQdpxCoding(bytes: Uint8Array, options: { source: string; codebook: Codebook }): QdpxCodingRead {
  const result: QdpxCodingRead = { coding: new Map(), diagnostics: [], codes: [], sources: 0 };
  const where = { source: options.source };
  const error = (code: string, message: string, line?: number) => result.diagnostics.push({ code, severity: 'error', message, ...where, ...(line ? { line } : {}) });
  const warn = (code: string, message: string, line?: number) => result.diagnostics.push({ code, severity: 'warning', message, ...where, ...(line ? { line } : {}) });

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    error('qdpx-not-zip', messages.qdpxNotZip((e as Error).message));
    return result;
  }
  const qde = entry(files, 'project.qde');
  if (!qde) {
    error('qdpx-no-project', messages.qdpxNoProject(Object.keys(files)));
    return result;
  }
  let root: XmlElement;
  try {
    root = parseXmlTree(strFromU8(qde));
  } catch (e) {
    error('qdpx-xml', messages.qdpxXml((e as Error).message));
    return result;
  }
  if (root.name !== 'Project') {
    error('qdpx-xml', messages.qdpxNotProject(root.name));
    return result;
  }

  // 1. The codebook: every code, nested or not, by GUID.
  const toCode = codeMapper(options.codebook);
  const codeOf = new Map<string, { name: string; code: string | undefined }>();
  for (const book of childrenNamed(root, 'CodeBook')) {
    for (const c of descendantsNamed(book, 'Code')) {
      const guid = (c.attributes.guid ?? '').toLowerCase().replace(/[{}]/g, '');
      const name = c.attributes.name ?? '';
      const mapped = { name, code: toCode(name) };
      codeOf.set(guid, mapped);
      result.codes.push({ name, guid, code: mapped.code });
    }
  }

  // 2. Text sources: their text, and the turns their selections code.
  const unknown = new Map<string, number>();
  let unknownGuids = 0;
  let wholeSource = 0;
  let otherSelections = 0;
  for (const sources of childrenNamed(root, 'Sources')) {
    for (const s of sources.children) {
      if (s.name !== 'TextSource') {
        otherSelections += s.children.filter((c) => c.name.endsWith('Selection')).length;
        continue;
      }
      const name = s.attributes.name ?? s.attributes.guid ?? 'source';
      const content = childrenNamed(s, 'PlainTextContent')[0];
      let text: string | undefined = content?.text;
      if (text === undefined) {
        const path = s.attributes.plainTextPath ?? '';
        const m = /^internal:\/\/(.+)$/i.exec(path);
        const bytes = m ? (entry(files, `sources/${m[1]}`) ?? entry(files, m[1] as string)) : undefined;
        if (!bytes) {
          error('qdpx-source-missing', messages.qdpxSourceMissing(name, path), s.line);
          continue;
        }
        text = strFromU8(bytes).replace(/^\uFEFF/, '');
      }
      result.sources++;
      const file = baseName(name);
      const lines = sourceLines(text).filter((l) => l.text.trim() !== '');
      const units = new Map<number, CodedUnit>();
      for (const l of lines) {
        const speaker = /^([^:]{1,200}): /.exec(l.text)?.[1];
        units.set(l.line, { file, turn: l.line, codes: [], line: s.line, ...(speaker ? { speaker } : {}) });
      }
      wholeSource += childrenNamed(s, 'Coding').length;
      let selections = 0;
      for (const sel of childrenNamed(s, 'PlainTextSelection')) {
        const start = int(sel.attributes.startPosition);
        const end = int(sel.attributes.endPosition);
        if (start === undefined || end === undefined || end < start) {
          warn('qdpx-selection-position', messages.qdpxBadPosition(sel.attributes.startPosition ?? '', sel.attributes.endPosition ?? ''), sel.line);
          continue;
        }
        selections++;
        // A selection of no characters marks the character at its start.
        const to = Math.max(end, start + 1);
        const covered = lines.filter((l) => l.start < to && l.end > start);
        for (const coding of childrenNamed(sel, 'Coding')) {
          const ref = childrenNamed(coding, 'CodeRef')[0]?.attributes.targetGUID ?? '';
          const target = codeOf.get(ref.toLowerCase().replace(/[{}]/g, ''));
          if (!target) {
            unknownGuids++;
            continue;
          }
          if (target.code === undefined) {
            unknown.set(target.name, (unknown.get(target.name) ?? 0) + 1);
            continue;
          }
          for (const l of covered) {
            const unit = units.get(l.line) as CodedUnit;
            if (!unit.codes.includes(target.code)) unit.codes.push(target.code);
          }
        }
      }
      if (selections === 0 && lines.length > 0) warn('qdpx-source-uncoded', messages.qdpxSourceUncoded(name, lines.length), s.line);
      const order = new Map(options.codebook.codes.map((c, i) => [c.id, i]));
      for (const unit of units.values()) {
        unit.codes.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        const key = codingKey(unit.file, unit.turn);
        if (result.coding.has(key)) warn('coding-duplicate-turn', messages.duplicateTurn(key));
        else result.coding.set(key, unit);
      }
    }
  }
  for (const [name, n] of unknown) warn('qdpx-unknown-code', messages.qdpxUnknownCode(name, n, options.codebook.codes.map((c) => c.id)));
  if (unknownGuids > 0) warn('qdpx-unknown-code-guid', messages.qdpxUnknownGuid(unknownGuids));
  if (wholeSource > 0) warn('qdpx-source-coding', messages.qdpxWholeSource(wholeSource));
  if (otherSelections > 0) warn('qdpx-other-selection', messages.qdpxOtherSelections(otherSelections));
  if (result.sources === 0) warn('qdpx-no-sources', messages.qdpxNoSources(result.codes.length));
  return result;
}
