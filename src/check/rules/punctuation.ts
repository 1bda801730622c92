/**
 * Punctuation forms in Chinese text (GB/T 15834—2011): full-width marks, not the half-width
 * ASCII ones; the 破折号 as —— and the 省略号 as ……, two units each.
 *
 * Whether a mark stands in Chinese text is decided from its neighbours (spaces skipped), so that
 * English phrases and numbers keep their own marks: a mark that ends a stretch of text (， 。 ；
 * ： ？ ！ …) is Chinese when the text it ends is Chinese, or when Han follows it directly
 * (`5348,另有`, `iPhone,上城`); a quoted English sentence keeps its period (“Hello, world.”).
 * Brackets are Chinese when either side is. Decimal points, thousands separators and times
 * between two digits (2.25, 1,000, 14:30) are never reported.
 */
import { isAsciiDigit, isChinese, isHan, isSpace, isWordCharacter } from '../characters.js';
import type { Rule } from '../rule.js';
import { CHINESE_TEXT } from '../sites.js';

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The nearest character before (step −1) or after (step 1) index i that is not a space. */
function neighbour(chars: readonly string[], i: number, step: 1 | -1): string | undefined {
  let k = i + step;
  while (isSpace(chars[k])) k += step;
  return chars[k];
}

/** The marks chars[from, to) end a stretch of Chinese text. */
function endsChinese(chars: readonly string[], from: number, to: number): boolean {
  return isChinese(neighbour(chars, from, -1)) || isHan(neighbour(chars, to - 1, 1));
}

export const checkHalfWidthMarks: Rule = (sites, report) => {
  for (const site of sites) {
    if (!CHINESE_TEXT.has(site.kind)) continue;
    const chars = site.chars;
    chars.forEach((ch, i) => {
      // The marks are all below U+0040: most characters are let go on their code, without
      // looking a fresh string up by its text (docs/performance-history.md).
      if (ch.charCodeAt(0) >= 0x40) return;
      const full = FULL_WIDTH[ch];
      if (!full) return;
      // A run of dots is an ellipsis written wrongly (checkLongMarks).
      if (ch === '.' && (chars[i - 1] === '.' || chars[i + 1] === '.')) return;
      // Decimal point, thousands separator, time of day.
      if ('.,:'.includes(ch) && isAsciiDigit(chars[i - 1]) && isAsciiDigit(chars[i + 1])) return;
      const chinese = ch === '(' || ch === ')'
        ? isChinese(neighbour(chars, i, -1)) || isChinese(neighbour(chars, i, 1))
        : endsChinese(chars, i, i + 1);
      if (!chinese) return;
      report(site, i, 'error', `half-width '${ch}' in Chinese text: write the full-width '${full}' (GB/T 15834)`);
    });
  }
};

/**
 * A single — is right only as a connector directly between two items (2018—2019, 25—26日,
 * 北京—上海); anywhere else (”—上城区, a — at the start or end, next to a space or a mark) it is
 * half a 破折号. A single … in Chinese text is half a 省略号; runs of dots or 。 stand for one.
 */
export const checkLongMarks: Rule = (sites, report) => {
  for (const site of sites) {
    if (!CHINESE_TEXT.has(site.kind)) continue;
    const chars = site.chars;
    for (let i = 0; i < chars.length;) {
      const ch = chars[i]!;
      let j = i + 1;
      while (chars[j] === ch) j++;
      const n = j - i;
      if (ch === '\u2014') {
        if (n === 1 && !(isWordCharacter(chars[i - 1]) && isWordCharacter(chars[j]))) {
          report(site, i, 'error', 'a single — here is not a connector between two items (2018—2019, 北京—上海): write —— (two U+2014) for a 破折号');
        } else if (n > 2) {
          report(site, i, 'error', `${n} dashes in a row: a 破折号 is —— (two U+2014)`);
        }
      } else if (ch === '\u2026' && n % 2 === 1 && (n > 1 || endsChinese(chars, i, j))) {
        report(site, i, 'error', `${n === 1 ? 'a single …' : `${n} … in a row`} in Chinese text: a 省略号 is …… (two U+2026)`);
      } else if ((ch === '.' || ch === '。') && n > 1 && endsChinese(chars, i, j)) {
        report(site, i, 'error', `'${ch.repeat(n)}' in Chinese text: write the 省略号 as …… (two U+2026)${ch === '。' ? ', or one 。' : ''}`);
      }
      i = j;
    }
  }
};
