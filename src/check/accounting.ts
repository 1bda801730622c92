/**
 * Nothing lost, nothing doubled: after layout, every character of the content must stand on
 * the body pages exactly as often as it stands in the content (whitespace aside). A character
 * that dropped out (a missing glyph, a line lost in a column break) or was set twice is an
 * error naming the character and the file that holds it.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { WrittenPage } from '../layout/types.js';
import type { Block, Edition, SourceRef } from '../model/document.js';
import { codePointLabel } from './characters.js';

/** Lines that carry content (running heads and folios are furniture). */
const CONTENT_KINDS = new Set(['body', 'heading', 'caption', 'credit', 'box', 'byline', 'title']);

/** Every piece of text the content prints, with the file it comes from, in book order. */
export function* contentTexts(edition: Edition): Generator<{ text: string; source: SourceRef }> {
  for (const c of edition.categories) {
    yield { text: c.title + (c.titleEn ?? ''), source: c.source };
    for (const s of c.sections) {
      yield { text: s.title, source: s.source };
      for (const e of s.entries) {
        yield { text: `【${e.title}】`, source: e.source };
        for (const b of e.blocks) yield { text: blockText(b), source: e.source };
        for (const f of e.figures) yield { text: f.caption + (f.credit ? `（${f.credit}${f.creditRole}）` : ''), source: f.source };
      }
      if (s.byline) yield { text: `（${s.byline}）`, source: s.source };
    }
  }
}

export function accountCharacters(edition: Edition, body: readonly WrittenPage[], diagnostics: Diagnostics): void {
  const expected = new Map<string, number>();
  const firstSource = new Map<string, SourceRef>();
  for (const { text, source } of contentTexts(edition)) {
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      expected.set(ch, (expected.get(ch) ?? 0) + 1);
      if (!firstSource.has(ch)) firstSource.set(ch, source);
    }
  }
  const placed = new Map<string, number>();
  for (const p of body) {
    for (const l of p.lines) {
      if (!CONTENT_KINDS.has(l.kind)) continue;
      for (const ch of l.text) if (!/\s/.test(ch)) placed.set(ch, (placed.get(ch) ?? 0) + 1);
    }
  }
  for (const ch of new Set([...expected.keys(), ...placed.keys()])) {
    const want = expected.get(ch) ?? 0;
    const got = placed.get(ch) ?? 0;
    if (want === got) continue;
    const where = firstSource.get(ch) ?? edition.source;
    diagnostics.error(where.file, where.line, 1, got < want
      ? `${want - got} of ${want} ${ch} (${codePointLabel(ch)}) did not reach the pages: this is a program error, please report it with this file`
      : `${ch} (${codePointLabel(ch)}) stands ${got} times on the pages but ${want} times in the content: this is a program error, please report it with this file`);
  }
}

/** The characters a block prints (list markers as the layout adds them). */
function blockText(b: Block): string {
  const runs = (p: { runs: { text: string }[] }) => p.runs.map((r) => r.text).join('');
  if (b.kind === 'paragraph') return runs(b);
  if (b.kind === 'list') return b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '•'}${runs(item)}`).join('');
  return b.label + b.paragraphs.map(runs).join('');
}
