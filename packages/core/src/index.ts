export { formatDiagnostic } from './model/diagnostic.js';
export type { Diagnostic } from './model/diagnostic.js';
