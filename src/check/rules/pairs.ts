/**
 * Paired marks (quotation marks, 书名号, brackets) open and close within one paragraph, title or
 * caption, and nest (“…‘…’…”, （…《…》…）). GB/T 15834—2011 (引号): a quotation of several
 * paragraphs opens each with “ and closes only the last, so a paragraph left open by “ is
 * accepted when the next paragraph of the same body starts with “.
 */
import type { Paragraph } from '../../model/document.js';
import { isLatinLetter } from '../characters.js';
import type { Rule } from '../rule.js';
import { CHINESE_TEXT, type TextSite } from '../sites.js';
import { charBefore, charFrom, codePointIndex } from '../text-walk.js';

const CLOSING_OF: ReadonlyMap<string, string> = new Map([
  ['“', '”'], ['‘', '’'], ['《', '》'], ['〈', '〉'], ['（', '）'], ['【', '】'],
  ['〔', '〕'], ['〖', '〗'], ['［', '］'], ['「', '」'], ['『', '』'],
]);
const OPENING_OF: ReadonlyMap<string, string> = new Map([...CLOSING_OF].map(([open, close]) => [close, open]));
/**
 * The marks' code units, marked in a table: the text is read a code unit at a time, with no
 * string made for a character that is not a mark (a surrogate is never one).
 */
const IS_MARK = new Uint8Array(0x10000);
for (const ch of [...CLOSING_OF].flat()) IS_MARK[ch.charCodeAt(0)] = 1;

/** What the message calls the text a pair must close in. */
const unitOf = (site: TextSite) => (site.kind === 'paragraph' || site.kind === 'caption' ? site.kind : 'title');

export const checkPairs: Rule = (sites, report) => {
  for (const site of sites) {
    if (!CHINESE_TEXT.has(site.kind)) continue;
    const unit = unitOf(site);
    const open: { ch: string; index: number }[] = [];
    const text = site.text;
    const indexOf = codePointIndex(text);
    for (let k = 0; k < text.length; k++) {
      if (IS_MARK[text.charCodeAt(k)] !== 1) continue;
      const ch = text[k]!;
      const i = indexOf(k);
      if (CLOSING_OF.has(ch)) {
        open.push({ ch, index: i });
        continue;
      }
      const opening = OPENING_OF.get(ch);
      // ’ between two letters is an apostrophe (People’s), not a closing quote.
      if (!opening || (ch === '’' && isLatinLetter(charBefore(text, k)) && isLatinLetter(charFrom(text, k + 1)))) continue;
      let depth = open.length - 1;
      while (depth >= 0 && open[depth]!.ch !== opening) depth--;
      if (depth < 0) {
        report(site, i, 'error', `closing ${ch} has no opening ${opening} before it in this ${unit}: add the ${opening}, or delete the ${ch}`);
        continue;
      }
      for (const inner of open.slice(depth + 1)) {
        report(site, inner.index, 'error', `${inner.ch} is not closed before the ${ch} that closes the ${opening}: add its ${CLOSING_OF.get(inner.ch)} (pairs nest: “…（…）…”)`);
      }
      open.length = depth;
    }
    if (open.length === 1 && open[0]!.ch === '“' && continuesQuotation(site)) continue;
    for (const o of open) {
      report(site, o.index, 'error', `opening ${o.ch} is not closed in this ${unit}: add the ${CLOSING_OF.get(o.ch)} where it ends, or delete the ${o.ch}`);
    }
  }
};

/** The next paragraph of the same body starts with “: one quotation over several paragraphs. */
function continuesQuotation(site: TextSite): boolean {
  if (!site.paragraph || !site.group) return false;
  const next: Paragraph | undefined = site.group[site.group.indexOf(site.paragraph) + 1];
  return next?.runs[0]?.text.startsWith('“') ?? false;
}
