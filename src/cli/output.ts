/**
 * How the CLI writes: colours only on a terminal (never with NO_COLOR, never into a file or a
 * CI log), diagnostics with their location and severity coloured, and `--json`: one JSON
 * document on stdout with the result and every diagnostic, and nothing else on stdout.
 */
import path from 'node:path';
import pc from 'picocolors';
import { ContentError, formatDiagnostic, type Diagnostic } from '../content/diagnostics.js';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours for a stream: on when it is a terminal (and TERM is not 'dumb'), off when NO_COLOR
 * is set to anything (no-color.org); FORCE_COLOR (not '0') turns them on anywhere.
 */
export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function coloursFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  return pc.createColors(colourEnabled(stream, env));
}

export const stdoutColours = (): Colors => coloursFor(process.stdout);
export const stderrColours = (): Colors => coloursFor(process.stderr);

/**
 * A diagnostic's text (formatDiagnostic, or the same with a source excerpt after it) with the
 * location in bold, the severity in red or yellow and the caret of the excerpt in green.
 */
export function paintDiagnostic(text: string, d: Diagnostic, c: Colors): string {
  const head = formatDiagnostic(d);
  if (!text.startsWith(head)) return text;
  const location = head.slice(0, head.length - d.message.length - d.severity.length - 4);
  const severity = d.severity === 'error' ? c.bold(c.red(`${d.severity}:`)) : c.bold(c.yellow(`${d.severity}:`));
  const rest = text.slice(head.length).replace(/^( +\| +)\^$/m, (_, lead: string) => `${lead}${c.green('^')}`);
  return `${c.bold(`${location}:`)} ${severity} ${d.message}${rest}`;
}

/** A summary line: red when there are errors, yellow with warnings only, else green. */
export function paintSummary(text: string, errors: number, warnings: number, c: Colors): string {
  return errors > 0 ? c.red(text) : warnings > 0 ? c.yellow(text) : c.green(text);
}

/**
 * Print diagnostics to stderr, coloured when it is a terminal: in one write, where a
 * console.error for each took 16 ms for the N=40 book's 280 warnings.
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const c = stderrColours();
  process.stderr.write(`${diagnostics.map((d) => paintDiagnostic(formatDiagnostic(d), d, c)).join('\n')}\n`);
}

/** A path as the output shows it: relative to the working folder when inside it, else absolute. */
export function shownPath(file: string, cwd = process.cwd()): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

// ---------------------------------------------------------------------------
// --json

/** A diagnostic in the JSON output; `file` relative to the working folder when inside it, else absolute. */
export interface JsonDiagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The one JSON document `--json` prints. */
export interface JsonReport {
  command: string;
  /** True when the command did its work (for check: when there is no error). */
  ok: boolean;
  /** The process's exit code: 0 done, 1 content or input errors. */
  exitCode: 0 | 1;
  errors: number;
  warnings: number;
  diagnostics: JsonDiagnostic[];
  /** What the command made (files, page counts …); absent when it failed. */
  result?: unknown;
  /** The failure that is no content diagnostic (a missing file, say). */
  error?: string;
}

export function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return { severity: d.severity, file: shownPath(d.file), line: d.line, column: d.column, message: d.message };
}

export interface JsonOutcome {
  result: unknown;
  diagnostics: readonly Diagnostic[];
  /** Defaults to: no diagnostic is an error. */
  ok?: boolean;
}

/**
 * Run a command's work for `--json`: whatever it or the libraries print with console.log goes
 * to stderr, so stdout holds exactly one JSON document; content errors and failures become
 * part of that document (ok: false, exit code 1) instead of text on stderr.
 */
export async function runJson(command: string, work: () => Promise<JsonOutcome> | JsonOutcome): Promise<JsonReport> {
  const log = console.log;
  const info = console.info;
  console.log = (...args: unknown[]) => console.error(...args);
  console.info = console.log;
  let report: JsonReport;
  try {
    const outcome = await work();
    const diagnostics = outcome.diagnostics.map(jsonDiagnostic);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const ok = outcome.ok ?? errors === 0;
    report = { command, ok, exitCode: ok ? 0 : 1, errors, warnings: diagnostics.length - errors, diagnostics, result: outcome.result };
  } catch (e) {
    if (e instanceof ContentError) {
      const diagnostics = e.diagnostics.map(jsonDiagnostic);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      report = { command, ok: false, exitCode: 1, errors, warnings: diagnostics.length - errors, diagnostics };
    } else {
      report = { command, ok: false, exitCode: 1, errors: 0, warnings: 0, diagnostics: [], error: e instanceof Error ? e.message : String(e) };
    }
  } finally {
    console.log = log;
    console.info = info;
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (report.exitCode !== 0) process.exitCode = report.exitCode;
  return report;
}
