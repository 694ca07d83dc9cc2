import { gzipSync } from 'node:zlib';
import { own, sumProfiles, type Codebook } from '@coachcode/core';
import { chartFigureHtml, pageChart } from './chart-figure.js';
import { compareChart } from './compare-chart.js';
import type { ComparisonGroup } from './comparison-group.js';
import { escapeHtml, scriptJson } from './escape-html.js';
import { htmlDocument } from './html-page.js';
import { Measure } from './measure.js';
import { messages } from './messages.js';
import { profileChart } from './profile-chart.js';
import { packSession, type ReportSession } from './report-data.js';
import { REPORT_DATA_ID, sessionChunkId, type ReportPageData } from './report-page.js';
import { reportPageScript } from './report-script.js';
import { codeStyle, profileCountsTable, sessionSummaryHtml, type SessionView } from './report-session.js';
import { reportTableHtml, type ReportTable } from './report-table.js';
import { chartCodes, codeColors, textColorOn } from './theme.js';
import { transitionsChart } from './transitions-chart.js';
import type { Transitions } from './transitions.js';

export type { ReportSession } from './report-data.js';

/** Everything {@link buildReport} puts in the report. */
export interface ReportInput {
  title: string;
  /** A paragraph under the title. */
  intro?: string;
  sessions: ReportSession[];
  /** Groups to compare side by side (e.g. one per coach). */
  comparison?: ComparisonGroup[];
  transitions?: Transitions;
  /** Further tables, e.g. agreement statistics. */
  tables?: ReportTable[];
  codebook: Codebook;
  /** Bar height of the profile and comparison charts (default `count`). */
  measure?: Measure;
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  /** Told of each problem that does not stop the report; `code` is `sessions-left-out` when sessions got no section. */
  onWarning?: (message: string, code?: string) => void;
  /**
   * How many sessions, in input order, get a section of their own (charts and coded turns,
   * drawn when opened). Default: every session, up to {@link ReportOptions.sessionBytes}.
   */
  sessions?: number;
  /**
   * Most bytes of embedded session data (compressed): the sessions beyond it get no section, with
   * a warning. Default 8 MB, so a report stays under 10 MB; `Infinity` for no limit.
   */
  sessionBytes?: number;
}

/** Sessions per embedded chunk: opening a session unpacks its chunk only. */
const CHUNK_SIZE = 50;

/** The default of {@link ReportOptions.sessionBytes}. */
export const SESSION_BYTES = 8 * 1024 * 1024;

function hexToRgba(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1] ?? '0', 16)}, ${parseInt(m[2] ?? '0', 16)}, ${parseInt(m[3] ?? '0', 16)}, ${alpha})`;
}

/** Per-code CSS classes `.code-N` (labels) and `mark.evidence.code-N` (highlights), N the code's chart index. */
function codeCss(codes: readonly string[], colors: Readonly<Record<string, string>>): string {
  return codes
    .map((code, i) => {
      const color = own(colors, code) ?? '#BBBBBB';
      return (
        `.code-label.code-${i} { background: ${color}; color: ${textColorOn(color)}; }\n` +
        `mark.evidence.code-${i} { background: ${hexToRgba(color, 0.32)}; border-bottom: 2px solid ${color}; }`
      );
    })
    .join('\n');
}

/** Sessions packed into chunks of gzip-compressed JSON, base64, up to a number and a size. */
function packSessions(sessions: readonly ReportSession[], max: number, budget: number): { chunks: string[]; count: number } {
  const chunks: string[] = [];
  let bytes = 0;
  let count = 0;
  const encode = (part: readonly ReportSession[]) => gzipSync(JSON.stringify(part.map(packSession)), { level: 9 }).toString('base64');
  while (count < Math.min(max, sessions.length)) {
    let part = sessions.slice(count, Math.min(count + CHUNK_SIZE, max));
    let text = encode(part);
    // The chunk that would pass the limit is cut, session by session, to what fits.
    while (bytes + text.length > budget && part.length > 0) {
      part = part.slice(0, -1);
      text = part.length ? encode(part) : '';
    }
    if (part.length === 0) break;
    chunks.push(text);
    bytes += text.length;
    count += part.length;
    if (part.length < CHUNK_SIZE) break;
  }
  return { chunks, count };
}

/**
 * ONE self-contained HTML file for a batch of coded transcripts, from one session to a thousand.
 * The overview is drawn at once: the codebook with how often each code was given, the totals of
 * all sessions (chart and counts), the comparison of groups, the transitions heat map and any
 * further tables (agreement). Then one closed section per session: opened, it shows the
 * session's profile chart and counts, its timeline and its coded turns with the evidence
 * highlighted, built in the browser from data the page embeds (compressed), so the page stays
 * small and opens fast. Charts are interactive; nothing is loaded from anywhere else, and the
 * same input always gives the same bytes.
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): string {
  const measure = input.measure ?? Measure.count;
  const codes = chartCodes(input.codebook, [...input.sessions.flatMap((s) => s.profile.codes), ...input.sessions.flatMap((s) => s.turns.flatMap((t) => t.codes))]);
  const colors = codeColors(codes, input.codebook);
  const style = codeStyle(codes, input.codebook);
  let chartNumber = 0;
  const warn = (message: string) => options.onWarning?.(message);
  const figure = (spec: Parameters<typeof pageChart>[0]): string => chartFigureHtml(pageChart(spec, `chart-${++chartNumber}`, warn));
  const turnCount = input.sessions.reduce((n, s) => n + s.turns.length, 0);

  const sections: { id: string; title: string; html: string }[] = [];

  // 1. The codebook, with how often each code was given across the batch.
  const given = new Map<string, number>();
  for (const s of input.sessions) for (const t of s.turns) for (const c of new Set(t.codes)) given.set(c, (given.get(c) ?? 0) + 1);
  const codeRows = codes.map((code) => {
    const def = input.codebook.codes.find((c) => c.id === code);
    return `<tr><td>${style.html(code)}</td><td><code>${escapeHtml(code)}</code></td><td>${escapeHtml(def?.definition ?? 'not in the codebook')}</td><td class="num">${given.get(code) ?? 0}</td></tr>`;
  });
  sections.push({
    id: 'codes',
    title: 'Codes',
    html:
      `<table class="codes">\n<caption>${escapeHtml(input.codebook.title)} (${escapeHtml(`${input.codebook.id}@${input.codebook.version}`)})</caption>\n` +
      `<thead><tr><th scope="col">Code</th><th scope="col">Id</th><th scope="col">Definition</th><th scope="col" class="num">Turns</th></tr></thead>\n` +
      `<tbody>\n${codeRows.join('\n')}\n</tbody>\n</table>` +
      (input.codebook.source ? `\n<p class="lead">Source: ${escapeHtml(input.codebook.source)}</p>` : ''),
  });

  // 2. The totals of every session together (one session's are in its own section).
  if (input.sessions.length > 1) {
    const name = `all ${input.sessions.length} sessions`;
    const total = sumProfiles(name, input.sessions.map((s) => s.profile));
    sections.push({
      id: 'totals',
      title: 'Totals',
      html: `${figure(profileChart(total, { codebook: input.codebook, measure, title: `Interaction profile: ${name}` }))}\n${reportTableHtml(profileCountsTable(total, codes, style, `Turns with each code, by role: ${name}`), 'counts')}`,
    });
  }

  // 3. The comparison of groups, on one shared scale.
  if (input.comparison && input.comparison.length) {
    sections.push({ id: 'comparison', title: 'Comparison', html: figure(compareChart(input.comparison, { codebook: input.codebook, measure })) });
  }

  // 4. Transitions between codes.
  if (input.transitions) {
    sections.push({ id: 'transitions', title: 'Transitions', html: figure(transitionsChart(input.transitions, { codebook: input.codebook })) });
  }

  // 5. Further tables (agreement statistics).
  if (input.tables && input.tables.length) {
    sections.push({ id: 'tables', title: 'Agreement and statistics', html: input.tables.map((t) => reportTableHtml(t)).join('\n') });
  }

  // 6. One closed section per session, built when opened from the data embedded below.
  let data = '';
  if (input.sessions.length) {
    const budget = options.sessionBytes ?? SESSION_BYTES;
    const packed = packSessions(input.sessions, options.sessions ?? Infinity, budget);
    const shown = packed.count;
    if (shown < input.sessions.length && options.sessions === undefined) {
      options.onWarning?.(messages.sessionsLeftOut(shown, input.sessions.length, Math.round(budget / (1024 * 1024))), 'sessions-left-out');
    }
    const open = input.sessions.length === 1 ? ' open' : '';
    const items = input.sessions
      .slice(0, shown)
      .map((s, i) => `<details class="session" data-session="${i}"${open}><summary>${sessionSummaryHtml(s)}</summary><div class="session-body"><p class="lead">Drawing this session…</p></div></details>`);
    const more = input.sessions.length - shown;
    const lead =
      shown > 0
        ? `<p class="lead">Open a session for its profile chart and counts, its timeline and its coded turns with the evidence highlighted.</p>`
        : '';
    const left = more > 0 ? `<p class="lead">${more} of ${input.sessions.length} sessions (from ${escapeHtml(input.sessions[shown]?.source ?? '')} on) have no section here; the overview above counts them all.</p>` : '';
    sections.push({ id: 'sessions', title: 'Sessions', html: [lead, ...items, left].filter(Boolean).join('\n') });
    const view: SessionView = { codebook: input.codebook, codes, measure };
    const page: ReportPageData = { view, chunkSize: CHUNK_SIZE };
    data = [
      `<script type="application/json" id="${REPORT_DATA_ID}">${scriptJson(page)}</script>`,
      ...packed.chunks.map((c, k) => `<script type="application/octet-stream" id="${sessionChunkId(k)}">${c}</script>`),
    ].join('\n');
  }

  const summary =
    `${input.sessions.length} ${input.sessions.length === 1 ? 'session' : 'sessions'}, ${turnCount} turns (${input.sessions.reduce((n, s) => n + s.turns.filter((t) => t.codes.length > 0).length, 0)} coded), ` +
    `codebook ${input.codebook.title}. This file is self-contained: it loads nothing from the network.`;
  const toc = `<nav class="toc" aria-label="Contents"><h2 id="contents">Contents</h2><ol>${sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;
  const body = [
    `<h1>${escapeHtml(input.title)}</h1>`,
    input.intro ? `<p class="lead">${escapeHtml(input.intro)}</p>` : '',
    `<p class="lead">${escapeHtml(summary)}</p>`,
    toc,
    ...sections.map((s) => `<section aria-labelledby="${s.id}">\n<h2 id="${s.id}">${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`),
    `<footer>Made with coachcode. Codes are machine-assigned; check them against the highlighted evidence.</footer>`,
    data,
  ]
    .filter(Boolean)
    .join('\n');
  const sessionCss =
    'details.session { border-bottom: 1px solid #d0d7de; }\n' +
    'details.session > summary { cursor: pointer; padding: 6px 2px; }\n' +
    'details.session[open] > summary { position: sticky; top: 0; background: #ffffff; border-bottom: 1px solid #d0d7de; z-index: 1; }\n' +
    '.session-name { font-weight: bold; }\n.session-meta { color: #555; font-size: 0.9rem; }\n.session-body { padding: 4px 0 18px; }\n' +
    '@media print { details.session:not([open]) { display: none; } }';
  const disagreeCss = 'tr.disagree td { background: #FFF4E0; }\n.disagree-mark { font-weight: bold; color: #B35900; }';
  return htmlDocument({
    title: input.title,
    body,
    css: `${codeCss(codes, colors)}\n${disagreeCss}\n${sessionCss}`,
    ...(input.sessions.length ? { script: reportPageScript() } : {}),
  });
}
