/**
 * Bylines (docs/content-format.md): every 分目 is signed, and `byline` holds the writer's name
 * only, 2–4 Han characters or a name with · (阿依古丽·买买提). The typesetter adds the
 * parentheses and pads two-character names, so brackets or spaces in the name would print twice.
 */
import { isSpace } from '../characters.js';
import type { Rule } from '../rule.js';

const NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}+(?:·\p{Script=Han}+)+)$/u;
const BRACKETS = new Set([...'()（）[]【】〔〕']);

export const checkBylines: Rule = (sites, report) => {
  for (const site of sites) {
    if (site.kind === 'section-title' && !site.section?.byline) {
      report(site, 0, 'warning', "section has no byline: add 'byline:' with the writer's name to section.yaml");
    }
    if (site.kind !== 'byline') continue;
    const bracket = site.chars.findIndex((ch) => BRACKETS.has(ch));
    const space = site.chars.findIndex((ch) => isSpace(ch) || ch === '\u3000');
    if (bracket >= 0) {
      report(site, bracket, 'error', 'byline has brackets: give the name only (刘乃华); the typesetter adds （ ）');
    } else if (space >= 0) {
      report(site, space, 'error', 'byline has a space: give the name without padding (徐灿); the typesetter spaces two-character names');
    } else if (!NAME.test(site.text)) {
      report(site, 0, 'warning', `byline '${site.text}' is not a name of 2–4 Han characters or a name with · (阿依古丽·买买提): give the writer's name only`);
    }
  }
};
