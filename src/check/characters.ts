/**
 * Character predicates the text rules share. The typesetter's own classes (src/typeset/classes.ts)
 * say how a character is set; these say whether it belongs to Chinese text, which is what the
 * GB/T 15834 and 15835 rules hinge on (a half-width comma is right in English and wrong in Chinese).
 */
import { classify, isDigit } from '../typeset/classes.js';

const HAN = /\p{Script=Han}/u;

/** Han ideographs (CJK Unified Ideographs and their extensions, 〇, 々). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/**
 * Characters that only occur in Chinese text: Han, the CJK symbols and punctuation block, the
 * full-width forms, and the marks a Chinese text shares with English but sets full-width here
 * (“ ” ‘ ’ — …). A half-width mark next to one of these is inside Chinese text.
 */
export function isChinese(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (isHan(ch)) return true;
  const cp = ch.codePointAt(0)!;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) return true;
  const cls = classify(ch);
  return cls === 'open' || cls === 'close' || cls === 'pause' || cls === 'stop' || cls === 'dash' || cls === 'ellipsis';
}

/** Letters and digits of any script (what a connector such as 2018—2019 or 北京—上海 links). */
export function isWordCharacter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && isDigit(ch);
}

export function isFullWidthDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19;
}

export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Latin}/u.test(ch);
}

/** Spaces the typesetter treats as word spaces (src/typeset/classes.ts 'space'). */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && classify(ch) === 'space';
}

/** `U+4E00`, for messages. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const BROKEN = /[\p{Cs}\p{Cc}\p{Cf}]/u;

/**
 * Characters that print as nothing or as garbage, with the reason to give the editor, or
 * undefined for an ordinary character: control characters (other than tab and line breaks,
 * which the loader handles), format characters (zero-width spaces, joiners, a byte-order mark
 * inside the text, bidi controls), unpaired UTF-16 surrogates (from a YAML \uD800 escape), and
 * U+FFFD, which the UTF-8 decoder puts where the file had bytes that are not UTF-8.
 */
export function brokenCharacter(ch: string): string | undefined {
  if (ch === '\t' || ch === '\n' || ch === '\r') return undefined;
  // One test for the ordinary character, which every character of a book is checked as: the
  // label and the three tests apart took a proof 1–2 ms in the interpreter it runs in.
  if (ch !== '\uFFFD' && !BROKEN.test(ch)) return undefined;
  const label = codePointLabel(ch);
  if (ch === '\uFFFD') {
    return `replacement character ${label}: a character was lost before the text came here (converted from another encoding, or copied from a damaged file); retype it from the original`;
  }
  if (/\p{Cs}/u.test(ch)) return `broken character ${label} (an unpaired UTF-16 surrogate, half of a character): write the whole character instead of an escape`;
  if (/\p{Cc}/u.test(ch)) return `control character ${label} in the text: delete it (it prints as nothing)`;
  if (/\p{Cf}/u.test(ch)) return `invisible format character ${label} in the text: delete it (such characters usually come with text copied from a web page or a word processor)`;
  return undefined;
}
