/**
 * Characters that would not print: control and invisible characters, broken ones (U+FFFD from
 * bytes that are not UTF-8, unpaired surrogates), and characters no configured font has in the
 * role they are set in (the font configuration's fallback faces included). One report per
 * character and text, with the count, since the fix is the same for every occurrence.
 */
import { loadFonts, type FontRole, type FontSet } from '../../fonts/font-config.js';
import { brokenCharacter, codePointLabel, isSpace } from '../characters.js';
import type { Rule } from '../rule.js';

interface Problem {
  index: number;
  count: number;
  message: string;
}

/**
 * What is wrong with a character in a role (null: it prints), by font set, role and code point:
 * worked out once per process, since the fonts do not change while it runs (proof --watch
 * checks again on every save). Keyed by the code point, a number, since looking up each
 * character's fresh string by its text took most of the rule's time.
 */
const verdictsOf = new WeakMap<FontSet, Map<string, Map<number, string | null>>>();

export const checkGlyphs: Rule = (sites, report) => {
  const fonts = loadFonts();
  const verdicts = verdictsOf.get(fonts) ?? new Map<string, Map<number, string | null>>();
  verdictsOf.set(fonts, verdicts);
  const verdict = (role: string, ch: string): string | null => {
    let byChar = verdicts.get(role);
    if (!byChar) verdicts.set(role, (byChar = new Map()));
    const code = ch.codePointAt(0)!;
    let v = byChar.get(code);
    if (v === undefined) {
      v = brokenCharacter(ch)
        ?? (fonts.resolve(role as FontRole, code)
          ? null
          : `character ${ch} (${codePointLabel(ch)}) is in no configured font: add a face that has it to 'fallback' in fonts/fonts.yaml, or write the character differently`);
      byChar.set(code, v);
    }
    return v;
  };
  for (const site of sites) {
    // Per problem: where it first occurs in this text, and how often.
    const found = new Map<string, Problem>();
    site.chars.forEach((ch, i) => {
      // Spaces and line breaks are not set as glyphs (src/typeset/prepare.ts).
      if (isSpace(ch) || ch === '\n' || ch === '\r') return;
      const message = verdict(site.roles[i]!, ch);
      if (!message) return;
      const known = found.get(message);
      if (known) known.count++;
      else found.set(message, { index: i, count: 1, message });
    });
    for (const problem of found.values()) {
      report(site, problem.index, 'error', problem.count > 1 ? `${problem.message} (${problem.count} times in this text)` : problem.message);
    }
  }
};
