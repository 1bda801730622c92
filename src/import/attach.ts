/**
 * Import, phase 4: which entry each photo belongs to. A yearbook places photos at the foot of
 * a column or page, so a caption often stands after the next entries or inside another
 * entry's paragraph, sometimes in the next 分目. The caption says what the photo shows, so the
 * photo goes to the nearby entry whose text is most like the caption (with its credit): an
 * entry with the caption's date (`2018 年 6 月 13 日` ↔ `2018年6月13日`) first, then by the
 * cosine of their tf-idf vectors of Han character pairs, so that pairs rare in the chapter
 * (献血, 雷山) count much more than ones found everywhere (上城, 开展), and a long entry does
 * not win by sheer length.
 *
 * Without any evidence the photo stays with the entry it interrupts, or else the entry
 * before it. Every choice that is not that plain one, or that was close, is reported.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { DraftEntry, DraftFigure } from './structure.js';

/** How far back from the caption the entry may be (a photo rarely moves further than a page or two). */
const ENTRIES_BEFORE = 8;
/** A runner-up scoring at least this share of the best makes the choice uncertain. */
const CLOSE = 0.8;

/** Returns, for each figure, the entry it is attached to. */
export function attachFigures(entries: readonly DraftEntry[], figures: readonly DraftFigure[], file: string, diagnostics: Diagnostics): Map<DraftFigure, DraftEntry> {
  const strings = entries.map(entryText);
  const texts = strings.map(bigrams);
  const df = new Map<string, number>();
  for (const t of texts) for (const b of t) df.set(b, (df.get(b) ?? 0) + 1);
  const idf = (b: string) => Math.log((entries.length + 1) / ((df.get(b) ?? 0) + 1));
  const norms = texts.map((t) => Math.sqrt([...t].reduce((sum, b) => sum + idf(b) ** 2, 0)));

  const result = new Map<DraftFigure, DraftEntry>();
  for (const f of figures) {
    const at = entries.indexOf(f.near);
    const plain = f.near;
    const query = bigrams(`${f.caption}${f.credit}`);
    const date = dateOf(f.caption);
    const scored = entries
      .map((entry, k) => {
        let dot = 0;
        for (const b of query) if (texts[k]!.has(b)) dot += idf(b) ** 2;
        return { entry, k, dated: date?.test(strings[k]!) === true, score: norms[k]! > 0 ? dot / norms[k]! : 0 };
      })
      .filter(({ k }) => k >= at - ENTRIES_BEFORE && k <= at + 1)
      .sort((a, b) => Number(b.dated) - Number(a.dated) || b.score - a.score || Math.abs(a.k - at) - Math.abs(b.k - at));
    const [best, second] = scored;
    const chosen = best && (best.dated || best.score > 0) ? best.entry : plain;
    result.set(f, chosen);
    const where = f.interrupts ? `interrupts 【${plain.title}】` : `follows 【${plain.title}】`;
    if (chosen !== plain) {
      diagnostics.warning(file, f.source.line, 1,
        `photo attached to 【${chosen.title}】, whose text matches its caption best${best!.dated ? ' (the same date)' : ''}; the caption ${where}`);
    } else if (second && second.dated === best!.dated && second.score > 0 && second.score >= CLOSE * best!.score) {
      diagnostics.warning(file, f.source.line, 1,
        `photo attached to 【${chosen.title}】 (the caption ${where}), but 【${second.entry.title}】 matches its caption almost as well`);
    }
  }
  return result;
}

function entryText(e: DraftEntry): string {
  return e.title + e.chunks.flatMap((c) => c.lines.map((l) => l.text)).join('');
}

/** The pairs of adjacent Han characters in the text (digits and punctuation say little about the topic). */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{sc=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The caption's date as body text writes it (`6月13日`, not preceded by a digit), when it has one. */
function dateOf(caption: string): RegExp | undefined {
  const m = /(\d+)\s*月\s*(\d+)\s*日/u.exec(caption);
  return m ? new RegExp(`(?<!\\d)${m[1]}月${m[2]}日`, 'u') : undefined;
}
