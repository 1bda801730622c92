/**
 * A text's characters (code points) as strings, without a fresh string for each: a book has a
 * million characters and a few thousand distinct ones, and the typesetter and the text checks
 * both walk them one by one.
 */

/**
 * Strings of one UTF-16 unit, made once each. Made at its full length: an array filled at
 * scattered indices from empty turns into a dictionary, several times slower to look up.
 */
const UNITS = new Array<string | undefined>(0x10000);

/** The character (code point) at UTF-16 offset k, as iterating the string would give it. */
export function charAt(text: string, k: number): string {
  return character(text, k, text.codePointAt(k)!);
}

/** The character at UTF-16 offset k of `text`, whose code point `cp` the caller has read. */
export function character(text: string, k: number, cp: number): string {
  return cp > 0xffff ? text.slice(k, k + 2) : (UNITS[cp] ??= String.fromCharCode(cp));
}

/** Append the characters of `text` to `out` (as `out.push(...text)` would, for any length). */
export function pushCharacters(out: string[], text: string): void {
  for (let k = 0; k < text.length;) {
    const ch = charAt(text, k);
    out.push(ch);
    k += ch.length;
  }
}
