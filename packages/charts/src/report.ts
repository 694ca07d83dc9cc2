import { own, type Codebook, type CodedTurn, type Evidence, type Profile } from '@coachcode/core';
import { compareChart } from './compare-chart.js';
import type { ComparisonGroup } from './comparison-group.js';
import { escapeHtml } from './escape-html.js';
import { highlightEvidence } from './highlight-evidence.js';
import { chartFigureHtml, htmlDocument, pageChart } from './html-page.js';
import { Measure } from './measure.js';
import { profileChart } from './profile-chart.js';
import { chartRoles, roleLabel, speakersOf } from './profile-records.js';
import { reportTableHtml, type ReportTable } from './report-table.js';
import { sourceName } from './source-name.js';
import { chartCodes, codeColors, codeLabels, NO_CODE_LABEL, textColorOn } from './theme.js';
import { timelineChart } from './timeline-chart.js';
import { transitionsChart } from './transitions-chart.js';
import type { Transitions } from './transitions.js';

/** One coded transcript of the batch. */
export interface ReportSession {
  /** The input path as given. */
  source: string;
  turns: CodedTurn[];
  profile: Profile;
}

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
  onWarning?: (message: string) => void;
}

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

/** The section id of the n-th session (1-based) in a section. */
function sessionId(section: string, n: number): string {
  return `${section}-${n}`;
}

/**
 * ONE self-contained HTML file for a batch of coded transcripts: the codebook, each session's
 * profile chart and counts, the comparison, the timelines, the transitions heat map, any further
 * tables (agreement), and each transcript as a table with its codes as coloured labels and the
 * evidence spans highlighted. Charts are interactive; nothing is loaded from anywhere else, and the
 * same input always gives the same bytes.
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): string {
  const measure = input.measure ?? Measure.count;
  const allTurns = input.sessions.flatMap((s) => s.turns);
  const codes = chartCodes(
    input.codebook,
    [...input.sessions.flatMap((s) => s.profile.codes), ...allTurns.flatMap((t) => t.codes)],
  );
  const labels = codeLabels(codes, input.codebook);
  const colors = codeColors(codes, input.codebook);
  const index = new Map(codes.map((c, i) => [c, i]));
  const label = (code: string): string => own(labels, code) ?? code;
  const codeClass = (code: string): string => `code-${index.get(code) ?? 0}`;
  const codeLabelHtml = (code: string): string =>
    `<span class="code-label ${codeClass(code)}">${escapeHtml(label(code))}</span>`;
  let chartNumber = 0;
  const figure = (spec: Parameters<typeof pageChart>[0]): string =>
    chartFigureHtml(pageChart(spec, `chart-${++chartNumber}`, options.onWarning));

  const sections: { id: string; title: string; html: string }[] = [];

  // 1. The codebook, with how often each code was given across the batch.
  const codeRows = codes.map((code) => {
    const def = input.codebook.codes.find((c) => c.id === code);
    const given = allTurns.filter((t) => t.codes.includes(code)).length;
    return `<tr><td>${codeLabelHtml(code)}</td><td><code>${escapeHtml(code)}</code></td><td>${escapeHtml(def?.definition ?? 'not in the codebook')}</td><td class="num">${given}</td></tr>`;
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

  // 2. One CfBT profile chart per session, with its counts as a table.
  if (input.sessions.length) {
    const parts = input.sessions.map((s, i) => {
      const roles = chartRoles([s.profile]);
      const table: ReportTable = {
        title: `Turns with each code, by role: ${sourceName(s.source)}`,
        columns: ['Code', ...roles.map((r) => {
          const names = speakersOf(s.profile, r);
          return names.length ? `${roleLabel(r)} (${names.join(', ')})` : roleLabel(r);
        })],
        rows: [
          ...codes.map((c) => [label(c), ...roles.map((r) => own(s.profile.byRole[r]?.counts, c) ?? 0)]),
          ['Turns', ...roles.map((r) => s.profile.byRole[r]?.turns ?? 0)],
          ['Words', ...roles.map((r) => s.profile.byRole[r]?.words ?? 0)],
        ],
      };
      return (
        `<section aria-labelledby="${sessionId('profile', i + 1)}">\n<h3 id="${sessionId('profile', i + 1)}">${escapeHtml(sourceName(s.source))}</h3>\n` +
        `<p class="lead">${escapeHtml(s.source)}</p>\n` +
        `${figure(profileChart(s.profile, { codebook: input.codebook, measure }))}\n${reportTableHtml(table, 'counts')}\n</section>`
      );
    });
    sections.push({ id: 'profiles', title: 'Interaction profiles', html: parts.join('\n') });
  }

  // 3. The comparison of groups, on one shared scale.
  if (input.comparison && input.comparison.length) {
    sections.push({ id: 'comparison', title: 'Comparison', html: figure(compareChart(input.comparison, { codebook: input.codebook, measure })) });
  }

  // 4. Turn-by-turn timelines.
  if (input.sessions.length) {
    const parts = input.sessions.map(
      (s, i) =>
        `<h3 id="${sessionId('timeline', i + 1)}">${escapeHtml(sourceName(s.source))}</h3>\n` +
        figure(timelineChart(s.turns, { codebook: input.codebook, source: s.source })),
    );
    sections.push({ id: 'timelines', title: 'Timelines', html: parts.join('\n') });
  }

  // 5. Transitions between codes.
  if (input.transitions) {
    sections.push({ id: 'transitions', title: 'Transitions', html: figure(transitionsChart(input.transitions, { codebook: input.codebook })) });
  }

  // 6. Further tables (agreement statistics).
  if (input.tables && input.tables.length) {
    sections.push({ id: 'tables', title: 'Agreement and statistics', html: input.tables.map((t) => reportTableHtml(t)).join('\n') });
  }

  // 7. Every transcript, coded, with evidence highlighted.
  if (input.sessions.length) {
    const evidenceStyle = (spans: readonly Evidence[]) => ({
      className: `evidence ${codeClass(spans[0]?.code ?? '')}`,
      title: spans.map((e) => `${label(e.code)} (cue: ${e.cue})`).join('; '),
    });
    const parts = input.sessions.map((s, i) => {
      const human = s.turns.some((t) => t.humanCodes !== undefined);
      // A turn whose human codes (of the codes shown) are not the machine's is marked.
      const differs = (t: CodedTurn): boolean => t.humanCodes !== undefined && codes.some((c) => t.codes.includes(c) !== (t.humanCodes ?? []).includes(c));
      const disagreements = s.turns.filter(differs).length;
      const rows = s.turns.map((t) => {
        const codesHtml = t.codes.length ? t.codes.map(codeLabelHtml).join(' ') : `<span class="no-code">${NO_CODE_LABEL}</span>`;
        const mark = differs(t) ? ' <span class="disagree-mark" title="machine and human codes differ">≠</span>' : '';
        const humanHtml = human
          ? `<td>${t.humanCodes && t.humanCodes.length ? t.humanCodes.map(codeLabelHtml).join(' ') : `<span class="no-code">${NO_CODE_LABEL}</span>`}${mark}</td>`
          : '';
        return (
          `<tr${differs(t) ? ' class="disagree"' : ''}><td class="num">${t.turn}</td><td>${escapeHtml(t.speaker)}</td><td>${escapeHtml(roleLabel(t.role))}</td>` +
          `<td class="text">${highlightEvidence(t.text, t.evidence, evidenceStyle)}</td><td>${codesHtml}</td>${humanHtml}</tr>`
        );
      });
      return (
        `<h3 id="${sessionId('transcript', i + 1)}">${escapeHtml(sourceName(s.source))}</h3>\n` +
        `<table class="transcript">\n<caption>Coded transcript: ${escapeHtml(s.source)} (${s.turns.length} turns; highlighted text is the evidence for a code${human ? `; ${disagreements} turn${disagreements === 1 ? '' : 's'} where machine and human codes differ, marked ≠` : ''})</caption>\n` +
        `<thead><tr><th scope="col" class="num">Turn</th><th scope="col">Speaker</th><th scope="col">Role</th><th scope="col">Text</th><th scope="col">Codes</th>` +
        `${human ? '<th scope="col">Human codes</th>' : ''}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
      );
    });
    sections.push({ id: 'transcripts', title: 'Coded transcripts', html: parts.join('\n') });
  }

  const coded = allTurns.filter((t) => t.codes.length > 0).length;
  const summary =
    `${input.sessions.length} ${input.sessions.length === 1 ? 'session' : 'sessions'}, ${allTurns.length} turns (${coded} coded), ` +
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
  ]
    .filter(Boolean)
    .join('\n');
  const disagreeCss = 'tr.disagree td { background: #FFF4E0; }\n.disagree-mark { font-weight: bold; color: #B35900; }';
  return htmlDocument({ title: input.title, body, css: `${codeCss(codes, colors)}\n${disagreeCss}` });
}
