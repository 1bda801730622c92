/**
 * Text cleaning shared by the import phases. Chinese text has no spaces between words, so
 * every space an extraction leaves (page-start spaces, padding, the gap after 】) is layout,
 * except between two Latin words or numbers; and lines are re-joined without a separator
 * for the same reason.
 */
import type { Diagnostics } from '../content/diagnostics.js';

const LATIN = /[A-Za-z0-9]/;

/** Drops all whitespace except one space between two Latin letters or digits. */
export function cleanText(text: string): string {
  return text.trim().replace(/\s+/gu, (gap, at: number, all: string) =>
    LATIN.test(all[at - 1] ?? '') && LATIN.test(all[at + gap.length] ?? '') ? ' ' : '');
}

export interface TextPiece {
  text: string;
  line: number;
  column: number;
}

/**
 * Re-joins the pieces of text broken over lines. Between two Latin letters the break stood
 * for a space (or split a word: the text cannot tell), so a space is put there and the place
 * reported.
 */
export function joinLines(pieces: readonly TextPiece[], file: string, diagnostics: Diagnostics): string {
  let out = '';
  for (const p of pieces) {
    if (/[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(p.text)) {
      out += ' ';
      diagnostics.warning(file, p.line, p.column,
        'joined to the line before with a space, as two Latin words; if the line break split one word, remove the space');
    }
    out += p.text;
  }
  return out;
}
