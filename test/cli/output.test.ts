/** Output conventions: colours only on a terminal, the build's progress bar, --json's one document. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paintDiagnostic, colourEnabled, coloursFor, runJson, shownPath } from '../../src/cli/output.js';
import { buildProgress, type ProgressStream } from '../../src/cli/progress.js';
import { ContentError, formatDiagnostic, type Diagnostic } from '../../src/content/diagnostics.js';

const ESC = /\u001b\[/;

describe('colours', () => {
  it('are on for a terminal only, off with NO_COLOR or TERM=dumb, forced by FORCE_COLOR', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });

  const d: Diagnostic = { severity: 'error', file: 'content/2019/a.md', line: 4, column: 16, message: "half-width ',' in Chinese text" };
  const excerpt = `${formatDiagnostic(d)}\n  4 | 上城区有,覆盖。\n    |         ^`;

  it('paint a diagnostic: location bold, severity red, caret green; the plain text stays the same', () => {
    const painted = paintDiagnostic(excerpt, d, coloursFor({ isTTY: true }, {}));
    expect(painted).toMatch(ESC);
    expect(painted).toContain('\u001b[31merror:');
    expect(painted.replace(/\u001b\[[0-9;]*m/g, '')).toBe(excerpt);
    expect(paintDiagnostic(excerpt, d, coloursFor({ isTTY: false }, {}))).toBe(excerpt);
    const warning = { ...d, severity: 'warning' as const };
    expect(paintDiagnostic(formatDiagnostic(warning), warning, coloursFor({ isTTY: true }, {}))).toContain('\u001b[33mwarning:');
  });

  it('show paths relative to the working folder inside it, absolute outside', () => {
    expect(shownPath(`${process.cwd()}/out/2019.pdf`)).toBe('out/2019.pdf');
    expect(shownPath('/elsewhere/x.pdf')).toBe('/elsewhere/x.pdf');
    expect(shownPath('out/x.pdf')).toBe('out/x.pdf');
  });
});

class FakeTerminal extends Writable implements ProgressStream {
  chunks: string[] = [];
  isTTY = true;
  columns = 100;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(String(chunk));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

describe('the build progress bar', () => {
  it('is not made at all when stderr is no terminal (a CI log)', () => {
    const p = buildProgress({ stream: Object.assign(new FakeTerminal(), { isTTY: false }) });
    expect(p.onProgress).toBeUndefined();
  });

  it('shows nothing during the first second, then the stage and the count, and clears itself', () => {
    let clock = 0;
    const stream = new FakeTerminal();
    const p = buildProgress({ stream, now: () => clock });
    p.onProgress!('layout', 0, 1);
    clock = 900;
    p.onProgress!('layout', 1, 1);
    expect(stream.text).toBe('');
    clock = 1200;
    p.onProgress!('pdf', 3, 17);
    expect(stream.text).toContain('fonts and closing the PDF');
    expect(stream.text).toContain('3/17');
    clock = 5000;
    p.onProgress!('pdf', 17, 17);
    p.stop();
    expect(stream.text).toContain('17/17');
    // cleared: after the last bar, the line is erased (the summary line is printed on a clean line)
    expect(stream.text.slice(stream.text.lastIndexOf('17/17'))).toContain('\u001b[2K');
  });

  it('never shows for a build that takes under a second', () => {
    let clock = 0;
    const stream = new FakeTerminal();
    const p = buildProgress({ stream, now: () => clock });
    for (let n = 1; n <= 17; n++) {
      clock = n * 50;
      p.onProgress!('pdf', n, 17);
    }
    p.stop();
    expect(stream.text).toBe('');
  });
});

describe('--json', () => {
  const writes: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    writes.length = 0;
    process.exitCode = undefined;
  });
  const capture = () => vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });

  it('writes one JSON document with the result and the diagnostics; what the work logs goes to stderr', async () => {
    capture();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const w: Diagnostic = { severity: 'warning', file: `${process.cwd()}/content/2019/a.md`, line: 2, column: 1, message: 'long title' };
    const report = await runJson('build', () => {
      console.log('chatter from a library');
      return { result: { pages: 17 }, diagnostics: [w] };
    });
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!)).toEqual(report);
    expect(report).toEqual({
      command: 'build', ok: true, exitCode: 0, errors: 0, warnings: 1,
      diagnostics: [{ severity: 'warning', file: 'content/2019/a.md', line: 2, column: 1, message: 'long title' }],
      result: { pages: 17 },
    });
    expect(errors).toHaveBeenCalledWith('chatter from a library');
    expect(process.exitCode).toBeUndefined();
  });

  it('turns content errors and other failures into ok: false and exit code 1', async () => {
    capture();
    const e: Diagnostic = { severity: 'error', file: 'content/2019/a.md', line: 2, column: 1, message: "missing required key 'title'" };
    const failed = await runJson('build', () => { throw new ContentError([e]); });
    expect(failed).toMatchObject({ ok: false, exitCode: 1, errors: 1, warnings: 0, diagnostics: [e] });
    expect(failed.result).toBeUndefined();
    expect(process.exitCode).toBe(1);
    const broken = await runJson('proof', () => { throw new Error('no such folder'); });
    expect(broken).toMatchObject({ ok: false, exitCode: 1, error: 'no such folder', diagnostics: [] });
  });
});
