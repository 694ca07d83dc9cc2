import { formatJsonPath } from './json-locate.js';

/** The parts of a zod issue a message needs. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** `utterances[2].speaker: expected string, but the field is missing` from a zod issue. */
export function describeSchemaIssue(issue: SchemaIssue): string {
  const text = issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, ', but the field is missing');
  return `${formatJsonPath(issue.path.filter((p): p is string | number => typeof p !== 'symbol'))}: ${text}`;
}
