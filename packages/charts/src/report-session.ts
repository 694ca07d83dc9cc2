import { own, type Codebook, type CodedTurn, type Evidence, type Profile } from '@coachcode/core';
import { chartFigureHtml, pageChart } from './chart-figure.js';
import { escapeHtml } from './escape-html.js';
import { highlightEvidence } from './highlight-evidence.js';
import type { Measure } from './measure.js';
import { profileChart } from './profile-chart.js';
import { chartRoles, roleLabel, speakersOf } from './profile-records.js';
import type { ReportSession } from './report-data.js';
import { reportTableHtml, type ReportTable } from './report-table.js';
import { sourceName } from './source-name.js';
import { codeLabels, NO_CODE_LABEL } from './theme.js';
import { timelineChart } from './timeline-chart.js';

// One session of a report, as HTML: its profile chart and counts, its timeline and its coded
// turns. The report's page script builds it in the browser when the session is opened (from the
// data the page embeds), so it uses no Node API.

/** What every session of a report is drawn with; the page embeds it as JSON. */
export interface SessionView {
  codebook: Codebook;
  /** The report's codes in chart order: a code's CSS class is `code-<its index>`. */
  codes: string[];
  measure: Measure;
}

/** How codes look in a report: their labels, CSS classes and coloured label chips. */
export interface CodeStyle {
  label(code: string): string;
  className(code: string): string;
  html(code: string): string;
}

/** The code labels and classes of a report's codes (the classes match the page's CSS). */
export function codeStyle(codes: readonly string[], codebook: Codebook): CodeStyle {
  const labels = codeLabels(codes, codebook);
  const index = new Map(codes.map((c, i) => [c, i]));
  const label = (code: string): string => own(labels, code) ?? code;
  const className = (code: string): string => `code-${index.get(code) ?? 0}`;
  return { label, className, html: (code) => `<span class="code-label ${className(code)}">${escapeHtml(label(code))}</span>` };
}

/** A profile's counts as a table: one column per role (named with its speakers), one row per code, then turns and words. */
export function profileCountsTable(profile: Profile, codes: readonly string[], style: CodeStyle, title: string): ReportTable {
  const roles = chartRoles([profile]);
  return {
    title,
    columns: [
      'Code',
      ...roles.map((r) => {
        const names = speakersOf(profile, r);
        return names.length ? `${roleLabel(r)} (${names.join(', ')})` : roleLabel(r);
      }),
    ],
    rows: [
      ...codes.map((c) => [style.label(c), ...roles.map((r) => own(profile.byRole[r]?.counts, c) ?? 0)]),
      ['Turns', ...roles.map((r) => profile.byRole[r]?.turns ?? 0)],
      ['Words', ...roles.map((r) => profile.byRole[r]?.words ?? 0)],
    ],
  };
}

/** Whether a turn's human codes (of the codes shown) differ from the machine's. */
function differs(t: CodedTurn, codes: readonly string[]): boolean {
  return t.humanCodes !== undefined && codes.some((c) => t.codes.includes(c) !== (t.humanCodes ?? []).includes(c));
}

/** The coded turns as a table: codes as coloured labels, evidence highlighted, human codes beside them when the turns carry some. */
function transcriptTableHtml(session: ReportSession, codes: readonly string[], style: CodeStyle): string {
  const evidenceStyle = (spans: readonly Evidence[]) => ({
    className: `evidence ${style.className(spans[0]?.code ?? '')}`,
    title: spans.map((e) => `${style.label(e.code)} (cue: ${e.cue})`).join('; '),
  });
  const none = `<span class="no-code">${NO_CODE_LABEL}</span>`;
  const human = session.turns.some((t) => t.humanCodes !== undefined);
  const disagreements = session.turns.filter((t) => differs(t, codes)).length;
  const rows = session.turns.map((t) => {
    const codesHtml = t.codes.length ? t.codes.map(style.html).join(' ') : none;
    const differ = differs(t, codes);
    const mark = differ ? ' <span class="disagree-mark" title="machine and human codes differ">≠</span>' : '';
    const humanHtml = human ? `<td>${t.humanCodes && t.humanCodes.length ? t.humanCodes.map(style.html).join(' ') : none}${mark}</td>` : '';
    return (
      `<tr${differ ? ' class="disagree"' : ''}><td class="num">${t.turn}</td><td>${escapeHtml(t.speaker)}</td><td>${escapeHtml(roleLabel(t.role))}</td>` +
      `<td class="text">${highlightEvidence(t.text, t.evidence, evidenceStyle)}</td><td>${codesHtml}</td>${humanHtml}</tr>`
    );
  });
  const differNote = human ? `; ${disagreements} turn${disagreements === 1 ? '' : 's'} where machine and human codes differ, marked ≠` : '';
  return (
    `<table class="transcript">\n<caption>Coded transcript: ${escapeHtml(session.source)} (${session.turns.length} turns; highlighted text is the evidence for a code${differNote})</caption>\n` +
    `<thead><tr><th scope="col" class="num">Turn</th><th scope="col">Speaker</th><th scope="col">Role</th><th scope="col">Text</th><th scope="col">Codes</th>` +
    `${human ? '<th scope="col">Human codes</th>' : ''}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
  );
}

/** The one-line summary of a session in the report's list: its name, path, turns and speakers. */
export function sessionSummaryHtml(session: Pick<ReportSession, 'source' | 'profile'>): string {
  const p = session.profile;
  const speakers = chartRoles([p])
    .map((r) => [r, speakersOf(p, r)] as const)
    .filter(([, names]) => names.length > 0)
    .map(([r, names]) => `${roleLabel(r).toLowerCase()}: ${names.join(', ')}`);
  const meta = [session.source, `${p.total.turns} turns`, ...speakers].join(' · ');
  return `<span class="session-name">${escapeHtml(sourceName(session.source) || session.source)}</span> <span class="session-meta">${escapeHtml(meta)}</span>`;
}

/**
 * The body of the n-th session (1-based) of a report: its CfBT profile chart with the counts,
 * its timeline, and every turn with its codes and evidence.
 */
export function sessionBodyHtml(session: ReportSession, n: number, view: SessionView, onWarning?: (message: string) => void): string {
  const style = codeStyle(view.codes, view.codebook);
  const figure = (spec: Parameters<typeof pageChart>[0], name: string): string => chartFigureHtml(pageChart(spec, `session-${n}-${name}`, onWarning));
  const name = sourceName(session.source);
  return [
    figure(profileChart(session.profile, { codebook: view.codebook, measure: view.measure }), 'profile'),
    reportTableHtml(profileCountsTable(session.profile, view.codes, style, `Turns with each code, by role: ${name}`), 'counts'),
    figure(timelineChart(session.turns, { codebook: view.codebook, source: session.source }), 'timeline'),
    transcriptTableHtml(session, view.codes, style),
  ].join('\n');
}
