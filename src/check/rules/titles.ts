/**
 * 条目 titles (shared/docs/yearbook-conventions.md §1.3, §6.2): one statement, 15 characters or
 * fewer where possible, without a comma. Warnings only: long titles occur in printed books.
 */
import type { Rule } from '../rule.js';

const MAX_TITLE = 15;

export const checkEntryTitles: Rule = (sites, report) => {
  for (const site of sites) {
    if (site.kind !== 'entry-title') continue;
    if (site.chars.length > MAX_TITLE) {
      report(site, MAX_TITLE, 'warning',
        `entry title has ${site.chars.length} characters, more than ${MAX_TITLE}: shorten it if the meaning allows (a 条目 title names one thing, directly)`);
    }
    if (site.chars[0] === '【' && site.chars[site.chars.length - 1] === '】') {
      report(site, 0, 'error', 'entry title is written in 【】, which the book prints around every 条目 title: remove them, or they print twice');
    }
    const comma = site.chars.indexOf('，');
    if (comma >= 0) {
      report(site, comma, 'warning', 'entry title contains ，: a 条目 title states one thing without a comma; rephrase it, or split the entry');
    }
  }
};
