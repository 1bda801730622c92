/**
 * A diagnostic as a compiler prints it: the `file:line:column: severity: message` line, then the
 * source line, shortened around the column, and a caret under the column. Paragraphs are one
 * line of hundreds of characters, so only a window of the line is shown. The caret is placed by
 * display width (Han and full-width characters take two terminal cells), and characters a
 * terminal would not show are replaced by visible stand-ins so the caret stays in place.
 */
import { formatDiagnostic, type Diagnostic } from '../content/diagnostics.js';
import { brokenCharacter } from './characters.js';
import type { SourceTexts } from './source-text.js';

/** Characters of the line shown on each side of the column. */
const RADIUS = 16;
const ELLIPSIS = '...';

export function formatWithExcerpt(d: Diagnostic, sources: SourceTexts, cwd = process.cwd()): string {
  const head = formatDiagnostic(d, cwd);
  const src = sources.get(d.file);
  if (!src || d.line < 1 || d.line > src.lineCount) return head;
  const length = src.lineLength(d.line);
  const column = Math.min(Math.max(d.column, 1), length + 1) - 1;
  const from = Math.max(0, column - RADIUS);
  const to = Math.min(length, column + RADIUS + 1);
  const before = (from > 0 ? ELLIPSIS : '') + visible(src.lineSlice(d.line, from, column));
  const after = visible(src.lineSlice(d.line, column, to)) + (to < length ? ELLIPSIS : '');
  const number = String(d.line);
  return [
    head,
    `  ${number} | ${before}${after}`,
    `  ${' '.repeat(number.length)} | ${' '.repeat(displayWidth(before))}^`,
  ].join('\n');
}

/** Control characters as their control pictures (U+2400…), other invisible ones as U+FFFD, tabs as a space. */
function visible(text: string): string {
  return [...text].map((ch) => {
    if (ch === '\t') return ' ';
    if (!brokenCharacter(ch)) return ch;
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
    return cp === 0x7f ? '\u2421' : '\uFFFD';
  }).join('');
}

/** Terminal cells: two for East Asian Wide and Fullwidth characters (UAX #11), one for the rest. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff)
    || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf)
    || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
    || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
    || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}
