/**
 * Walking a site's text by UTF-16 offset, as the rules do once a regular expression or a scan
 * of its code units has found what they look for: the characters (code points) around an
 * offset, and the index in code points that a report takes. Characters come out as `TextSite.chars` holds them: a pair of
 * surrogates as one character, a lone surrogate as one of its own.
 */
import { charAt } from '../typeset/characters.js';
import { isSpace } from './characters.js';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The index in code points of UTF-16 offsets in `text`, asked for in increasing order: the
 * offset itself in a text without surrogates (almost every text), else counted on from the last.
 * The text is looked at on the first call only: most texts give a rule nothing to report.
 */
export function codePointIndex(text: string): (offset: number) => number {
  let surrogates: boolean | undefined;
  let at = 0;
  let index = 0;
  return (offset) => {
    surrogates ??= SURROGATE.test(text);
    if (!surrogates) return offset;
    for (; at < offset; index++) at += charAt(text, at).length;
    return index;
  };
}

/** The character that starts at UTF-16 offset k, undefined at the end. */
export function charFrom(text: string, k: number): string | undefined {
  return k < text.length ? charAt(text, k) : undefined;
}

/** The character that ends just before UTF-16 offset k, undefined at the start. */
export function charBefore(text: string, k: number): string | undefined {
  if (k <= 0) return undefined;
  const low = text.charCodeAt(k - 1);
  const high = k >= 2 ? text.charCodeAt(k - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(k - 2, k) : text[k - 1];
}

/** The nearest character before UTF-16 offset k that is not a space. */
export function wordBefore(text: string, k: number): string | undefined {
  for (let ch = charBefore(text, k); ch !== undefined; ch = charBefore(text, k)) {
    if (!isSpace(ch)) return ch;
    k -= ch.length;
  }
  return undefined;
}

/** The nearest character from UTF-16 offset k on that is not a space. */
export function wordFrom(text: string, k: number): string | undefined {
  for (let ch = charFrom(text, k); ch !== undefined; ch = charFrom(text, k)) {
    if (!isSpace(ch)) return ch;
    k += ch.length;
  }
  return undefined;
}
