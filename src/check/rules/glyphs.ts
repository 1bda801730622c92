/**
 * Characters that would not print: control and invisible characters, broken ones (U+FFFD from
 * bytes that are not UTF-8, unpaired surrogates), and characters no configured font has in the
 * role they are set in (the font configuration's fallback faces included). One report per
 * character and text, with the count, since the fix is the same for every occurrence.
 */
import { loadFonts, type FontRole, type FontSet } from '../../fonts/font-config.js';
import type { FontFace } from '../../fonts/font-face.js';
import { brokenCharacter, codePointLabel, isSpace } from '../characters.js';
import type { Rule } from '../rule.js';

interface Problem {
  index: number;
  count: number;
  message: string;
}

/**
 * What is wrong with a character in a role (null: it prints), by font set, the role's face and
 * code point: worked out once per process, since the fonts do not change while it runs (proof
 * --watch checks again on every save). Roles set in the same face (the body, captions and
 * boxes in 书宋) share their verdicts, the fallback faces being the same for every role. Keyed
 * by the code point, a number, since looking up each character's fresh string by its text took
 * most of the rule's time; and a character of the Basic Multilingual Plane found to print is
 * marked in `prints`, looked up faster than the map.
 */
interface Verdicts {
  byCode: Map<number, string | null>;
  prints: Uint8Array;
}
const verdictsOf = new WeakMap<FontSet, Map<FontFace, Verdicts>>();

export const checkGlyphs: Rule = (sites, report) => {
  const fonts = loadFonts();
  const verdicts = verdictsOf.get(fonts) ?? new Map<FontFace, Verdicts>();
  verdictsOf.set(fonts, verdicts);
  const verdict = (role: FontRole, ch: string): string | null => {
    // Spaces and line breaks are not set as glyphs (src/typeset/prepare.ts).
    if (isSpace(ch) || ch === '\n' || ch === '\r') return null;
    return brokenCharacter(ch)
      ?? (fonts.resolve(role, ch.codePointAt(0)!)
        ? null
        : `character ${ch} (${codePointLabel(ch)}) is in no configured font: add a face that has it to 'fallback' in fonts/fonts.yaml, or write the character differently`);
  };
  for (const site of sites) {
    const text = site.text;
    // Per problem: where it first occurs in this text, and how often.
    let found: Map<string, Problem> | undefined;
    /** The character's index in code points (what a report takes) and its UTF-16 offset. */
    let i = 0;
    let k = 0;
    for (const { role, end } of site.roles) {
      const face = fonts.face(role);
      let known = verdicts.get(face);
      if (!known) verdicts.set(face, (known = { byCode: new Map(), prints: new Uint8Array(0x10000) }));
      const { byCode, prints } = known;
      // The text's code units read as they are, not split into a string per character: a
      // book's million characters are almost all marked in `prints` already.
      for (; k < end; i++) {
        const code = text.codePointAt(k)!;
        k += code > 0xffff ? 2 : 1;
        if (prints[code] === 1) continue;
        let message = byCode.get(code);
        if (message === undefined) byCode.set(code, (message = verdict(role, String.fromCodePoint(code))));
        if (!message) {
          if (code < 0x10000) prints[code] = 1;
          continue;
        }
        found ??= new Map();
        const problem = found.get(message);
        if (problem) problem.count++;
        else found.set(message, { index: i, count: 1, message });
      }
    }
    if (!found) continue;
    for (const problem of found.values()) {
      report(site, problem.index, 'error', problem.count > 1 ? `${problem.message} (${problem.count} times in this text)` : problem.message);
    }
  }
};
