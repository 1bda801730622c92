/**
 * Entry bodies: Markdown parsed with markdown-it into the document model's blocks.
 * Nothing is rendered to HTML; tokens are walked directly. Soft line breaks between
 * CJK characters vanish (CSS Text segment-break rule), other soft breaks become a space.
 *
 * Most bodies are paragraphs of plain text, with no character Markdown gives a meaning to:
 * those are split into paragraphs here, as markdown-it would (`plainBody`), and markdown-it
 * reads the rest. markdown-it took about 60 µs a body, a third of reading an entry.
 */
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import cjkFriendly from 'markdown-it-cjk-friendly';
import type { Block, InlineRun, InlineStyle, Paragraph, SourceRef } from '../model/document.js';
import { closest, type Diagnostics } from './diagnostics.js';

/** Labels accepted for sidebar boxes (`::: 资料`). */
export const BOX_LABELS = ['资料', '链接', '知识链接', '背景资料'] as const;

const md = new MarkdownIt('commonmark', { html: false, linkify: false }).use(cjkFriendly);
type Token = ReturnType<typeof md.parse>[number];

md.use(container, 'box', {
  validate: (params: string) => (BOX_LABELS as readonly string[]).includes(params.trim()),
});
// Any other `::: label` is an unknown box: parsed as one so that it can be reported, not printed.
md.use(container, 'unknown', { validate: (params: string) => params.trim().length > 0 });

export interface BodySource {
  file: string;
  text: string;
  /** Line number (1-based) in the file of the body's first line. */
  firstLine: number;
}

export function parseBody(src: BodySource, diagnostics: Diagnostics): Block[] {
  return plainBody(src) ?? markdownBody(src, diagnostics);
}

/** Characters with a meaning somewhere in Markdown (emphasis, code, links, escapes, entities, HTML, headings, quotes) and control characters. */
const MARKUP = /[\\`*_[\]<>&#|~\x00-\x09\x0B-\x1F\x7F]/;
/** Lines that could open a block other than a paragraph: indented (code), lists, rules, setext underlines, ::: boxes. */
const BLOCK_START = /^(?: |[-+=:]|\d{1,9}[.)](?: |$))/m;

/**
 * The paragraphs of a body with no Markdown in it, as markdown-it reads them, or undefined
 * when the body has anything Markdown could read another way (test/content/plain-body.test.ts
 * holds it to markdown-it's reading, on random texts). Paragraphs are runs of lines between
 * blank lines, their lines joined by the segment-break rule, the spaces at a line's end
 * dropped (no line starts with one here), as markdown-it does: it trims a paragraph of ASCII
 * whitespace only, so an ideographic space stays.
 */
export function plainBody(src: BodySource): Block[] | undefined {
  if (MARKUP.test(src.text) || BLOCK_START.test(src.text)) return undefined;
  const blocks: Block[] = [];
  const lines = src.text.split('\n');
  for (let start = 0; start < lines.length;) {
    if (lines[start] === '') {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end] !== '') end++;
    let text = '';
    for (let k = start; k < end; k++) {
      const line = lines[k]!.replace(/ +$/, '');
      text += k > start ? segmentBreak(text, line) + line : line;
    }
    if (text) blocks.push({ kind: 'paragraph', leadsEntry: false, source: { file: src.file, line: src.firstLine + start }, runs: [{ text, style: 'body' }] });
    start = end;
  }
  return blocks;
}

/** The body read by markdown-it: what `plainBody` declines. */
export function markdownBody(src: BodySource, diagnostics: Diagnostics): Block[] {
  const tokens = md.parse(src.text, {});
  const blocks: Block[] = [];
  const ref = (t: Token): SourceRef => ({ file: src.file, line: src.firstLine + (t.map?.[0] ?? 0) });
  let box: { label: string; paragraphs: Paragraph[]; source: SourceRef } | undefined;
  let list: { ordered: boolean; items: Paragraph[]; source: SourceRef } | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'container_box_open':
        box = { label: t.info.trim(), paragraphs: [], source: ref(t) };
        break;
      case 'container_box_close':
      case 'container_unknown_close':
        if (box) blocks.push({ kind: 'box', ...box });
        box = undefined;
        break;
      case 'container_unknown_open': {
        const label = t.info.trim();
        const hint = closest(label, BOX_LABELS);
        diagnostics.error(src.file, ref(t).line, 1,
          `unknown box '::: ${label}'${hint ? ` (did you mean '${hint}'?)` : ''}: the boxes are ${BOX_LABELS.join(', ')}`);
        box = { label, paragraphs: [], source: ref(t) };
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        list = { ordered: t.type === 'ordered_list_open', items: [], source: ref(t) };
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (list && box) box.paragraphs.push(...list.items);
        else if (list) blocks.push({ kind: 'list', ...list });
        list = undefined;
        break;
      case 'inline': {
        const row = tableDelimiterRow(t.content);
        if (row >= 0) {
          diagnostics.warning(src.file, ref(t).line + row, 1,
            'a table is not set as a table: it is printed as the text it is, bars and dashes included; give its figures in sentences, a list or a 资料 box');
        }
        const para: Paragraph = {
          kind: 'paragraph', leadsEntry: false, source: ref(t),
          runs: inlineRuns(t, (alt) => diagnostics.error(src.file, ref(t).line, 1,
            `a picture in the text ('${alt}') is not printed: give it as a figure in the front matter (figures: - image: …)`)),
        };
        if (para.runs.length === 0) break;
        if (list) list.items.push(para);
        else if (box) box.paragraphs.push(para);
        else blocks.push(para);
        break;
      }
      case 'heading_open':
        diagnostics.warning(src.file, ref(t).line, 1,
          'headings are not used inside an entry; the line is set as a paragraph (a 条目 is one file, its title is in the front matter)');
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'paragraph', runs: [{ text: t.content.trim(), style: 'body' }], leadsEntry: false, source: ref(t) });
        break;
      default:
        break;
    }
  }
  return blocks;
}

/** The line of a paragraph (from 0) that is a Markdown table's delimiter row (`| --- | --- |`), or −1. */
function tableDelimiterRow(text: string): number {
  if (!text.includes('|')) return -1;
  return text.split('\n').findIndex((line) => line.includes('|') && /^[ \t]*\|?([ \t]*:?-{3,}:?[ \t]*\|)+([ \t]*:?-{3,}:?[ \t]*)?$/.test(line));
}

function inlineRuns(t: Token, onImage: (alt: string) => void): InlineRun[] {
  const runs: InlineRun[] = [];
  const styles: InlineStyle[] = [];
  const style = (): InlineStyle => styles[styles.length - 1] ?? 'body';
  const push = (text: string) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.style === style()) last.text += text;
    else runs.push({ text, style: style() });
  };
  const printed = () => runs.map((r) => r.text).join('');
  /** The links open: each one's address and where its text began. */
  const links: { href: string; from: number }[] = [];
  const children = t.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    switch (c.type) {
      case 'text':
      case 'code_inline':
        push(c.content);
        break;
      case 'link_open':
        links.push({ href: md.normalizeLinkText(String(c.attrGet('href') ?? '')), from: printed().length });
        break;
      case 'link_close': {
        // Print has no links: an address the text does not show follows it in brackets.
        const link = links.pop()!;
        const shown = printed().slice(link.from);
        if (link.href !== '' && link.href !== shown && link.href !== `mailto:${shown}`) push(`（${link.href}）`);
        break;
      }
      case 'strong_open':
        styles.push('strong');
        break;
      case 'em_open':
        styles.push('emphasis');
        break;
      case 'strong_close':
      case 'em_close':
        styles.pop();
        break;
      case 'image':
        onImage(c.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        push(segmentBreak(runs[runs.length - 1]?.text ?? '', nextText(children, i + 1)));
        break;
      default:
        break;
    }
  }
  return runs;
}

/** The text of the next text token from `from` on ('' when there is none). */
function nextText(children: Token[], from: number): string {
  for (let i = from; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'text' || c.type === 'code_inline') return c.content;
  }
  return '';
}

/**
 * What a line break between the texts `before` and `after` becomes: nothing between two wide
 * characters (CSS Text segment-break rule), else a space. Only the characters at the break are
 * looked at (two UTF-16 units hold any one), not the whole text before it.
 */
function segmentBreak(before: string, after: string): string {
  const last = [...before.slice(-2)].pop() ?? '';
  const first = [...after.slice(0, 2)][0] ?? '';
  return isWide(last) && isWide(first) ? '' : ' ';
}

/** East Asian Wide/Fullwidth: a segment break between two of these is removed. */
function isWide(ch: string): boolean {
  return /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u201C\u201D\u2018\u2019\u2014\u2026]|[\u{20000}-\u{3FFFD}]/u.test(ch);
}
