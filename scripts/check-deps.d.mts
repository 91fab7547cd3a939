/** Types of `check-deps.mjs` for the TypeScript tests that import it. */

/** The rules of one package. */
export interface PackageRules {
  readonly rule: string;
  readonly allow: readonly string[];
  readonly typeOnly: readonly string[];
  readonly testAllow: readonly string[];
}

/** One found import or re-export. */
export interface FoundImport {
  readonly spec: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

/** One violation of the dependency rules. */
export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly pkg: string;
  readonly spec: string;
  readonly rule: string;
}

export declare const TEST_EXTRAS: readonly string[];
export declare const RULES: Readonly<Record<string, PackageRules>>;
export declare function tokenize(source: string): { type: 'id' | 'str' | 'punct'; value: string; line: number }[];
export declare function findImports(source: string): FoundImport[];
export declare function packageOf(spec: string): string;
export declare function checkDeps(root: string): { violations: Violation[]; files: number };
export declare function formatViolation(v: Violation): string;
