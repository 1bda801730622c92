/**
 * Arabic numerals are written half-width (GB/T 15835—2011): full-width digits (２０１８) are
 * reported as a warning, and as an error in an entry that also has half-width digits, where the
 * mix is a slip rather than a house style. One report per run of full-width digits.
 */
import { isFullWidthDigit } from '../characters.js';
import type { Rule } from '../rule.js';
import { CHINESE_TEXT, type TextSite } from '../sites.js';

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;
const ASCII_DIGIT = /[0-9]/;

export const checkDigits: Rule = (sites, report) => {
  // The texts of each entry (title, captions, credits, body) together; other texts alone.
  const groups = new Map<object, TextSite[]>();
  for (const site of sites) {
    if (!CHINESE_TEXT.has(site.kind) && site.kind !== 'credit') continue;
    const key = site.entry ?? site;
    const group = groups.get(key);
    if (group) group.push(site);
    else groups.set(key, [site]);
  }
  for (const group of groups.values()) {
    // Full-width digits are rare: most entries are let go after one look for them.
    if (!group.some((s) => FULL_WIDTH_DIGIT.test(s.text))) continue;
    const mixed = group.some((s) => ASCII_DIGIT.test(s.text));
    for (const site of group) {
      site.chars.forEach((ch, i) => {
        if (!isFullWidthDigit(ch) || isFullWidthDigit(site.chars[i - 1])) return;
        let j = i;
        while (isFullWidthDigit(site.chars[j])) j++;
        const digits = site.chars.slice(i, j).join('');
        const half = [...digits].map((d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).join('');
        if (mixed) {
          report(site, i, 'error', `full-width digits ${digits} in an entry that also has half-width digits: write ${half}, like the others (GB/T 15835)`);
        } else {
          report(site, i, 'warning', `full-width digits ${digits}: write Arabic numerals half-width, ${half} (GB/T 15835)`);
        }
      });
    }
  }
};
