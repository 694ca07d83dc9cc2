// The page script of a coachcode report (built by tsup into dist/report-page-script.js, an IIFE with
// Vega-Lite inside; the report inlines it). Each session of the report is a closed <details>:
// when it is opened, its data is unpacked from the page (gzip, base64, in chunks of sessions),
// its HTML built with the same code the library uses, and its charts drawn.
import { unpackSession, type PackedSession } from '../report-data.js';
import { sessionBodyHtml } from '../report-session.js';
import { REPORT_DATA_ID, sessionChunkId, type ReportPageData } from '../report-page.js';

declare global {
  interface Window {
    /** Draws the charts under a node (html-page.ts's start-up script defines it). */
    coachcodeDraw?: (root: ParentNode) => Promise<unknown>;
  }
}

const data = JSON.parse(document.getElementById(REPORT_DATA_ID)?.textContent ?? 'null') as ReportPageData | null;
const chunks = new Map<number, Promise<PackedSession[]>>();

/** The sessions of chunk k: base64 → gzip → JSON, once. */
function chunk(k: number): Promise<PackedSession[]> {
  let p = chunks.get(k);
  if (!p) {
    const text = document.getElementById(sessionChunkId(k))?.textContent ?? '';
    const bytes = Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    p = new Response(stream).text().then((json) => JSON.parse(json) as PackedSession[]);
    chunks.set(k, p);
  }
  return p;
}

/** Builds and draws an opened session once; `data-state` says where it is (loading, ready, error). */
async function show(details: HTMLDetailsElement): Promise<void> {
  if (!data || details.dataset.state) return;
  details.dataset.state = 'loading';
  const n = Number(details.dataset.session);
  const body = details.querySelector('.session-body');
  if (!body) return;
  try {
    const packed = (await chunk(Math.floor(n / data.chunkSize)))[n % data.chunkSize];
    if (!packed) throw new Error(`session ${n + 1} is not in the page`);
    body.innerHTML = sessionBodyHtml(unpackSession(packed), n + 1, data.view, (w) => console.warn(w));
    await window.coachcodeDraw?.(body);
    details.dataset.state = 'ready';
  } catch (error) {
    details.dataset.state = 'error';
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = `This session could not be shown: ${error instanceof Error ? error.message : String(error)}`;
    body.replaceChildren(p);
    console.error(error);
  }
}

// `toggle` does not bubble, but it passes the document on the way down.
document.addEventListener(
  'toggle',
  (event) => {
    const target = event.target;
    if (target instanceof HTMLDetailsElement && target.open && target.classList.contains('session')) void show(target);
  },
  true,
);
for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.session[open]'))) void show(details);
