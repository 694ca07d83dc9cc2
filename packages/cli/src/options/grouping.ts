import { fileStem, own, type Profile } from '@coachcode/core';
import { messages } from '../messages.js';

/** How transcripts are put into groups for `compare`, `chart --type compare` and `report`. */
export interface GroupingFlags {
  by?: string;
  groupBy?: string;
}

/** The group name of the transcripts a `--group-by` pattern does not match. */
export const UNMATCHED_GROUP = '(unmatched)';

/** The coach of a transcript: its `coach` attribute (roles file), else its coach-role speakers. */
function coachOf(p: Profile): string {
  const stated = p.metadata.coach;
  if (stated !== undefined && String(stated) !== '') return String(stated);
  const names = Object.entries(p.bySpeaker).filter(([, row]) => row.role === 'coach').map(([name]) => name);
  return names.length > 0 ? names.join(' & ') : '(no coach)';
}

/**
 * The grouping function of the flags: `--group-by REGEX` takes the group from the path (named
 * group `group`, else the first capture, else the whole match); `--by coach` (the default) the
 * coach's name; `--by file` each transcript alone; `--by ATTRIBUTE` a metadata attribute from the
 * roles file. Problems (both flags, a bad pattern) are added to `problems`.
 */
export function resolveGrouping(flags: GroupingFlags, problems: string[]): { describe: string; groupOf: (profile: Profile) => string } {
  if (flags.by !== undefined && flags.groupBy !== undefined) problems.push(messages.groupOptions());
  if (flags.groupBy !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(flags.groupBy);
    } catch (error) {
      problems.push(messages.badPattern(flags.groupBy, (error as Error).message));
      re = /$^/;
    }
    return {
      describe: `--group-by ${flags.groupBy}`,
      groupOf: (p) => {
        const m = re.exec(p.source.replace(/\\/g, '/'));
        if (!m) return UNMATCHED_GROUP;
        return m.groups?.group ?? m[1] ?? m[0];
      },
    };
  }
  const by = flags.by ?? 'coach';
  if (by === 'coach') return { describe: 'coach', groupOf: coachOf };
  if (by === 'file' || by === 'source') return { describe: 'file', groupOf: (p) => fileStem(p.source) };
  return {
    describe: by,
    groupOf: (p) => {
      const v = own(p.metadata, by);
      return v === undefined || String(v) === '' ? `(no ${by})` : String(v);
    },
  };
}
