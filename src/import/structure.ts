/**
 * Import, phase 2: the classified lines grouped into the chapter's structure. The chapter
 * title (Chinese, then English) opens the text; a 分目 heading is a short line without
 * sentence punctuation standing alone between entries; a 条目 starts at 【 (its title may wrap
 * onto the next lines until 】); a 资料 label opens a box that runs to the end of its entry;
 * a byline closes its 分目. Photo captions with their credits stand wherever the page put the
 * photo, often inside another entry's paragraph: they are taken out of the text flow here and
 * attached to an entry later (attach.ts).
 *
 * Body lines stay lines here; paragraphs are made from them in paragraphs.ts.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { SourceRef } from '../model/document.js';
import { CREDIT, type Line } from './lines.js';
import { widthOf, type Width } from './measure.js';
import { cleanText, joinLines } from './text.js';

export interface BodyLine {
  /** The line's part of the body text, cleaned. */
  text: string;
  /** Width of the whole printed line (a first line includes its 【title】). */
  width: Width;
  line: number;
  column: number;
  indented: boolean;
}

/** A run of body lines: the entry's text, or a box (then `box` is its label, e.g. 资料). */
export interface Chunk {
  box: string | undefined;
  lines: BodyLine[];
}

export interface DraftEntry {
  title: string;
  chunks: Chunk[];
  source: SourceRef;
}

export interface DraftSection {
  title: string;
  byline: string | undefined;
  entries: DraftEntry[];
  source: SourceRef;
}

export interface DraftFigure {
  caption: string;
  credit: string;
  creditRole: '供稿' | '摄';
  source: SourceRef;
  /** The entry being read where the caption stands (or the last one before it). */
  near: DraftEntry;
  /** True when the text of `near` goes on after the caption: the photo interrupts it. */
  interrupts: boolean;
}

export interface Draft {
  title: { zh: string; en: string | undefined; source: SourceRef } | undefined;
  sections: DraftSection[];
  figures: DraftFigure[];
}

/** Longest 分目 heading or chapter title, in characters: shorter than a body line. */
const HEADING_MAX = 24;
const SENTENCE_PUNCTUATION = /[，。；：！？、,;:!?]/u;
export const SENTENCE_END = /[。！？…][”’）」』》]*$/u;
const ENGLISH_TITLE = /^[A-Za-z][A-Za-z0-9 ,.'&()-]*$/;
/** Lines a wrapped 【title】 may take. */
const TITLE_LINES = 3;

export function buildDraft(lines: readonly Line[], file: string, diagnostics: Diagnostics): Draft {
  const draft: Draft = { title: undefined, sections: [], figures: [] };
  const ref = (l: Line): SourceRef => ({ file, line: l.line });
  const error = (l: Line, message: string) => diagnostics.error(file, l.line, l.column, message);
  let section: DraftSection | undefined;
  let entry: DraftEntry | undefined;
  let lastEntry: DraftEntry | undefined;
  /** Figures whose caption came after the last body line of the open entry. */
  let pending: DraftFigure[] = [];

  const closeEntry = () => {
    if (entry && entry.chunks.some((c) => c.lines.length === 0)) {
      diagnostics.error(file, entry.source.line, 1, entry.chunks[0]!.lines.length === 0
        ? `entry 【${entry.title}】 has no text`
        : `the 资料 box of 【${entry.title}】 has no text`);
    }
    entry = undefined;
    pending = [];
  };
  const addBody = (l: Line, text: string) => {
    entry!.chunks.at(-1)!.lines.push({ text: cleanText(text), width: widthOf(l.text), line: l.line, column: l.column, indented: l.indented });
    for (const f of pending) f.interrupts = true;
    pending = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    switch (l.kind) {
      case 'title': {
        const parts = [l];
        while (!parts.at(-1)!.text.includes('】') && parts.length < TITLE_LINES && lines[i + 1]?.kind === 'text') parts.push(lines[++i]!);
        const last = parts.at(-1)!;
        const close = last.text.indexOf('】');
        if (close < 0) {
          error(l, `entry title not closed: no 】 on this line or the ${TITLE_LINES - 1} lines after it`);
          break;
        }
        closeEntry();
        const title = joinLines(parts.map((p, k) => ({
          text: cleanText(k === parts.length - 1 ? p.text.slice(0, close) : p.text).replace(/^【/, ''),
          line: p.line,
          column: p.column,
        })), file, diagnostics);
        entry = lastEntry = { title, chunks: [{ box: undefined, lines: [] }], source: ref(l) };
        if (section) section.entries.push(entry);
        else error(l, `entry 【${title}】 comes before any 分目 heading (a short line standing alone before the first 【entry】)`);
        const rest = last.text.slice(close + 1);
        if (rest.trim() !== '') addBody(last, rest);
        break;
      }
      case 'caption': {
        const parts = [l];
        while (lines[i + 1]?.kind === 'caption') parts.push(lines[++i]!);
        const credit = lines[++i]!; // classifyLines marks captions only before a credit
        const [, unit, role] = CREDIT.exec(credit.text) as unknown as [string, string, '供稿' | '摄'];
        const caption = joinLines(parts.map((p) => ({ ...p, text: p.text.replace(/\s+/gu, ' ') })), file, diagnostics).trim();
        if (!lastEntry) {
          error(l, 'photo caption before the first entry: there is no entry to attach the photo to');
          break;
        }
        const figure: DraftFigure = { caption, credit: cleanText(unit), creditRole: role, source: ref(l), near: entry ?? lastEntry, interrupts: false };
        draft.figures.push(figure);
        if (entry) pending.push(figure);
        break;
      }
      case 'credit':
        error(l, 'photo credit with no caption line before it');
        break;
      case 'byline': {
        const name = l.text.replace(/[（）\s]/gu, '');
        if (!section) error(l, `byline （${name}） before any 分目`);
        else if (section.byline !== undefined) error(l, `a second byline in 分目 ${section.title}: a 分目 has one byline, at its end`);
        else section.byline = name;
        closeEntry();
        break;
      }
      case 'box-label':
        if (!entry) error(l, `${l.text} box outside an entry`);
        else entry.chunks.push({ box: l.text.replace(/\s/gu, ''), lines: [] });
        break;
      case 'text': {
        const next = lines[i + 1];
        if (isHeadingLike(l) && next?.kind === 'title') {
          const prev = lines[i - 1];
          if (!entry || !prev || (prev.kind !== 'text' && prev.kind !== 'title') || SENTENCE_END.test(prev.text)) {
            closeEntry();
            section = { title: cleanText(l.text), byline: undefined, entries: [], source: ref(l) };
            draft.sections.push(section);
            break;
          }
          diagnostics.warning(file, l.line, l.column,
            'short line before an entry title, kept as the last line of the entry since the line before it does not end a sentence; check that it is no 分目 heading');
        }
        if (entry) addBody(l, l.text);
        else if (!section && !draft.title && isHeadingLike(l)) {
          const en = next?.kind === 'text' && ENGLISH_TITLE.test(next.text) ? lines[++i]!.text.replace(/\s+/g, ' ') : undefined;
          draft.title = { zh: cleanText(l.text), en, source: ref(l) };
        } else error(l, section
          ? 'text outside any entry: after a byline or a photo credit, only a 分目 heading or a 【title】 can follow'
          : 'text before the first 分目 heading (only the chapter title, Chinese then English, can stand there)');
        break;
      }
    }
  }
  closeEntry();
  for (const s of draft.sections) {
    if (s.byline === undefined) diagnostics.warning(file, s.source.line, 1, `分目 ${s.title} has no byline like （刘乃华） after its last entry`);
  }
  return draft;
}

/** Short and without sentence punctuation: a heading, if it also stands alone. */
function isHeadingLike(l: Line): boolean {
  return [...l.text].length <= HEADING_MAX && !SENTENCE_PUNCTUATION.test(l.text) && !l.text.startsWith('（');
}
