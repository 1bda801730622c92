/**
 * Figure captions and credits (docs/content-format.md, yearbook-conventions.md §1.4): every photo
 * has a credit, printed as （区总工会　供稿） or （张三　摄） from `credit` and `credit_role`. So
 * the credit holds only the unit or name, and the caption holds no credit.
 */
import type { Rule } from '../rule.js';
import { codePointIndex } from '../text-walk.js';

const ROLE_AT_END = /(?:供稿|摄)\s*$/u;
const CREDIT_AT_END = /[（(][^（()）]*(?:供稿|摄)\s*[）)]\s*$/u;
const BRACKETS = /[()（）]/u;
const PADDING = /\p{Script=Han}[ \u3000]+\p{Script=Han}/u;

export const checkFigures: Rule = (sites, report) => {
  for (const site of sites) {
    if (site.kind !== 'caption' && site.kind !== 'credit') continue;
    const text = site.text;
    /** Index in code points of a match at a UTF-16 offset (one report a text, so in order). */
    const at = codePointIndex(text);
    if (site.kind === 'caption') {
      if (!site.figure?.credit) {
        report(site, 0, 'warning', "figure has no credit: add 'credit:' (the supplying unit, or the photographer) and 'credit_role:' (供稿 or 摄)");
      }
      const credit = CREDIT_AT_END.exec(text);
      if (credit) report(site, at(credit.index), 'error', "caption ends with a credit: move it to 'credit:' and 'credit_role:' (the typesetter prints it under the caption)");
      continue;
    }
    const role = ROLE_AT_END.exec(text);
    const bracket = BRACKETS.exec(text);
    const padding = PADDING.exec(text);
    if (role) {
      report(site, at(role.index), 'error', `credit ends with the role '${role[0].trim()}': put it in 'credit_role:' and only the unit or name in 'credit:'`);
    } else if (bracket) {
      report(site, at(bracket.index), 'error', "credit has brackets: give only the unit or name; the typesetter prints （区总工会　供稿）");
    } else if (padding) {
      report(site, at(padding.index) + 1, 'error', 'credit has a space between Han characters: give the unit or name without padding');
    }
  }
};
