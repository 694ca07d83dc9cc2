import type { SessionView } from './report-session.js';

// What a report page embeds for its script: shared by the Node side that writes the page and the
// page script that reads it.

/** The id of the JSON element holding {@link ReportPageData}. */
export const REPORT_DATA_ID = 'coachcode-report';

/** The id of the element holding the k-th chunk of sessions (gzip, base64). */
export function sessionChunkId(k: number): string {
  return `coachcode-sessions-${k}`;
}

/** The report's settings for its sessions. */
export interface ReportPageData {
  view: SessionView;
  /** Sessions per chunk: session n is item n mod chunkSize of chunk ⌊n / chunkSize⌋. */
  chunkSize: number;
}
