const TIME = /^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d{1,3}))?$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Normalises a time as transcripts write it — `1:23`, `01:23`, `1:02:03`, `00:00:13.540`,
 * `0:0:13.540` (Teams), `00:00:01,000` (SRT) — to `HH:MM:SS.mmm`. Two parts are minutes and
 * seconds; three are hours, minutes and seconds. Returns undefined when `raw` is not a time
 * (seconds, or minutes after hours, of 60 or more count as not a time).
 */
export function normaliseTime(raw: string): string | undefined {
  const m = TIME.exec(raw);
  if (!m) return undefined;
  let h: number;
  let min: number;
  let s: number;
  if (m[3] === undefined) {
    h = 0;
    min = Number(m[1]);
    s = Number(m[2]);
  } else {
    h = Number(m[1]);
    min = Number(m[2]);
    s = Number(m[3]);
    if (min >= 60) return undefined;
  }
  if (s >= 60) return undefined;
  h += Math.floor(min / 60);
  min %= 60;
  const frac = m[4] === undefined ? '000' : m[4].padEnd(3, '0');
  return `${pad2(h)}:${pad2(min)}:${pad2(s)}.${frac}`;
}

/** Milliseconds of a normalised `HH:MM:SS.mmm` time. */
export function timeToMs(time: string): number {
  const [hms = '', ms = '0'] = time.split('.');
  const [h = 0, m = 0, s = 0] = hms.split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000 + Number(ms);
}
