/**
 * Problems found in the content, reported like a compiler does:
 * `file:line:column: error|warning: message`. The loader collects every problem it can
 * find before giving up, so an editor sees them all at once.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(file: string, line: number, column: number, message: string): void {
    this.items.push({ severity: 'error', file, line, column, message });
  }

  warning(file: string, line: number, column: number, message: string): void {
    this.items.push({ severity: 'warning', file, line, column, message });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }
}

/** Thrown when content has errors; carries every diagnostic found. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'ContentError';
  }
}

export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const rel = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
  return `${rel}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** The closest candidate by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
