/** Types of `gen-errors-doc.mjs` for the TypeScript tests that import it. */

/** A registry entry as `listErrors()` returns it. */
export interface ErrorEntry {
  readonly code: number;
  readonly name: string;
  readonly message: string;
  readonly remediation?: string;
  readonly where: readonly string[];
}

/** One parsed row of docs/ERRORS.md. */
export interface ErrorDocRow {
  readonly code: number;
  readonly name: string;
  readonly message: string;
  readonly remediation: string;
  readonly where: string[];
  readonly line: number;
}

export declare function renderErrorsDoc(entries: readonly ErrorEntry[]): string;
export declare function parseErrorsDoc(text: string): ErrorDocRow[];
