/**
 * Characters that would not print: control and invisible characters, broken ones (U+FFFD from
 * bytes that are not UTF-8, unpaired surrogates), and characters no configured font has in the
 * role they are set in (the font configuration's fallback faces included). One report per
 * character and text, with the count, since the fix is the same for every occurrence.
 */
import { loadFonts } from '../../fonts/font-config.js';
import { brokenCharacter, codePointLabel, isSpace } from '../characters.js';
import type { Rule } from '../rule.js';

interface Problem {
  index: number;
  count: number;
  message: string;
}

export const checkGlyphs: Rule = (sites, report) => {
  const fonts = loadFonts();
  for (const site of sites) {
    // Per character and role: its problem, or null when it prints.
    const seen = new Map<string, Problem | null>();
    site.chars.forEach((ch, i) => {
      // Spaces and line breaks are not set as glyphs (src/typeset/prepare.ts).
      if (isSpace(ch) || ch === '\n' || ch === '\r') return;
      const role = site.roles[i]!;
      const key = `${role}:${ch}`;
      const known = seen.get(key);
      if (known !== undefined) {
        if (known) known.count++;
        return;
      }
      const message = brokenCharacter(ch)
        ?? (fonts.resolve(role, ch.codePointAt(0)!)
          ? undefined
          : `character ${ch} (${codePointLabel(ch)}) is in no configured font: add a face that has it to 'fallback' in fonts/fonts.yaml, or write the character differently`);
      seen.set(key, message ? { index: i, count: 1, message } : null);
    });
    for (const problem of seen.values()) {
      if (!problem) continue;
      report(site, problem.index, 'error', problem.count > 1 ? `${problem.message} (${problem.count} times in this text)` : problem.message);
    }
  }
};
