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
import { isAsciiDigit, isChinese, isHan, isWordCharacter } from '../characters.js';
import type { Rule } from '../rule.js';
import { CHINESE_TEXT } from '../sites.js';
import { charBefore, charFrom, codePointIndex, wordBefore, wordFrom } from '../text-walk.js';

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * What each rule looks for, found in the text by the regular expression engine, whose compiled
 * code is fast from the first text on: the characters in between are never looked at, and
 * most texts have none of it. A long mark is a run of one character: — or … (any number), dots
 * or 。 (two or more).
 */
const HALF_WIDTH_MARK = /[,.;:?!()]/g;
const LONG_MARK = /\u2014+|\u2026+|\.{2,}|。{2,}/g;

/** The marks text[from, to) (UTF-16 offsets) end a stretch of Chinese text. */
function endsChinese(text: string, from: number, to: number): boolean {
  return isChinese(wordBefore(text, from)) || isHan(wordFrom(text, to));
}

export const checkHalfWidthMarks: Rule = (sites, report) => {
  for (const site of sites) {
    if (!CHINESE_TEXT.has(site.kind)) continue;
    const text = site.text;
    const indexOf = codePointIndex(text);
    HALF_WIDTH_MARK.lastIndex = 0;
    for (let m = HALF_WIDTH_MARK.exec(text); m; m = HALF_WIDTH_MARK.exec(text)) {
      const ch = m[0];
      const k = m.index;
      // A run of dots is an ellipsis written wrongly (checkLongMarks).
      if (ch === '.' && (text[k - 1] === '.' || text[k + 1] === '.')) continue;
      // Decimal point, thousands separator, time of day.
      if ('.,:'.includes(ch) && isAsciiDigit(charBefore(text, k)) && isAsciiDigit(charFrom(text, k + 1))) continue;
      const chinese = ch === '(' || ch === ')'
        ? isChinese(wordBefore(text, k)) || isChinese(wordFrom(text, k + 1))
        : endsChinese(text, k, k + 1);
      if (!chinese) continue;
      report(site, indexOf(k), 'error', `half-width '${ch}' in Chinese text: write the full-width '${FULL_WIDTH[ch]!}' (GB/T 15834)`);
    }
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
    const text = site.text;
    const indexOf = codePointIndex(text);
    LONG_MARK.lastIndex = 0;
    for (let m = LONG_MARK.exec(text); m; m = LONG_MARK.exec(text)) {
      const ch = m[0][0]!;
      const n = m[0].length;
      const from = m.index;
      const to = from + n;
      if (ch === '\u2014') {
        if (n === 1 && !(isWordCharacter(charBefore(text, from)) && isWordCharacter(charFrom(text, to)))) {
          report(site, indexOf(from), 'error', 'a single — here is not a connector between two items (2018—2019, 北京—上海): write —— (two U+2014) for a 破折号');
        } else if (n > 2) {
          report(site, indexOf(from), 'error', `${n} dashes in a row: a 破折号 is —— (two U+2014)`);
        }
      } else if (ch === '\u2026') {
        if (n % 2 === 1 && (n > 1 || endsChinese(text, from, to))) {
          report(site, indexOf(from), 'error', `${n === 1 ? 'a single …' : `${n} … in a row`} in Chinese text: a 省略号 is …… (two U+2026)`);
        }
      } else if (endsChinese(text, from, to)) {
        report(site, indexOf(from), 'error', `'${m[0]}' in Chinese text: write the 省略号 as …… (two U+2026)${ch === '。' ? ', or one 。' : ''}`);
      }
    }
  }
};
