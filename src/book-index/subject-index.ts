/**
 * The subject index (索引): terms declared in each 条目's front matter (`index: [...]`, a
 * sub-entry written `工会/职工之家`) and, by default, every 条目 title; each located by the page
 * and column (a/b) where its 条目 starts; sorted by the Hanyu Pinyin of the whole term with
 * tones (each character read alone, ./readings.ts, corrected by the edition's `pinyin:` list
 * for 多音字 and names), grouped under Latin initials; with the edition's "see" references.
 */
import type { WrittenPage } from '../layout/types.js';
import type { Edition } from '../model/document.js';
import { readingOf } from './readings.js';

export interface IndexEntry {
  term: string;
  /** Locators such as 23a (page 23, left column). */
  locators: string[];
  subs: IndexEntry[];
  see?: string;
}

export interface IndexGroup {
  /** A–Z, or # for terms that do not start with a Chinese character or a letter. */
  letter: string;
  entries: IndexEntry[];
}

interface Key {
  syllables: string[];
  tones: number[];
}

export function buildIndex(edition: Edition, pages: readonly WrittenPage[], withTitles: boolean): IndexGroup[] {
  const where = new Map<string, string>();
  for (const p of pages) for (const m of p.marks) if (m.level === 3 && !where.has(m.source)) where.set(m.source, `${p.number}${'abc'[m.column] ?? ''}`);
  const terms = new Map<string, IndexEntry>();
  const entryFor = (map: Map<string, IndexEntry>, term: string): IndexEntry => {
    let e = map.get(term);
    if (!e) map.set(term, (e = { term, locators: [], subs: [] }));
    return e;
  };
  const subMaps = new Map<IndexEntry, Map<string, IndexEntry>>();
  for (const c of edition.categories) {
    for (const s of c.sections) {
      for (const entry of s.entries) {
        const at = where.get(entry.source.file);
        if (!at) continue;
        const declared = withTitles ? [entry.title, ...entry.index] : entry.index;
        for (const raw of new Set(declared)) {
          const [term, sub] = raw.split('/').map((x) => x.trim());
          const main = entryFor(terms, term!);
          if (!sub) {
            addLocator(main, at);
            continue;
          }
          let subs = subMaps.get(main);
          if (!subs) subMaps.set(main, (subs = new Map()));
          addLocator(entryFor(subs, sub), at);
        }
      }
    }
  }
  for (const [term, target] of Object.entries(edition.indexSee)) entryFor(terms, term).see = target;
  const keys = new Map<string, Key>();
  const keyOf = (term: string): Key => {
    let k = keys.get(term);
    if (!k) keys.set(term, (k = sortKey(term, edition.pinyin)));
    return k;
  };
  for (const [main, subs] of subMaps) main.subs = sortEntries([...subs.values()], keyOf);
  const groups = new Map<string, IndexEntry[]>();
  for (const e of sortEntries([...terms.values()], keyOf)) {
    const letter = initial(keyOf(e.term));
    const group = groups.get(letter);
    if (group) group.push(e);
    else groups.set(letter, [e]);
  }
  return [...groups].map(([letter, entries]) => ({ letter, entries }));
}

/** Locators already given to each entry: a term on many pages would make `includes` quadratic. */
const locatorSets = new WeakMap<IndexEntry, Set<string>>();

function addLocator(e: IndexEntry, at: string): void {
  let given = locatorSets.get(e);
  if (!given) locatorSets.set(e, (given = new Set()));
  if (given.has(at)) return;
  given.add(at);
  e.locators.push(at);
}

function sortEntries(entries: IndexEntry[], keyOf: (term: string) => Key): IndexEntry[] {
  const keyed = entries.map((e) => ({ e, k: keyOf(e.term) }));
  keyed.sort((a, b) => compareKeys(a.k, b.k) || (a.e.term < b.e.term ? -1 : a.e.term > b.e.term ? 1 : 0));
  return keyed.map((x) => x.e);
}

/** An edition's `pinyin:` words with their syllables, under the first UTF-16 unit of each word, longest first. */
type WordReadings = Map<number, { word: string; syllables: string[] }[]>;

const wordReadings = new WeakMap<Record<string, string>, WordReadings>();

function wordReadingsOf(overrides: Record<string, string>): WordReadings {
  let byFirst = wordReadings.get(overrides);
  if (!byFirst) {
    byFirst = new Map();
    // Longest first: 乐清 before 乐 (two words as long cannot both match at one place).
    for (const word of Object.keys(overrides).sort((a, b) => b.length - a.length)) {
      if (word === '') continue;
      const first = word.charCodeAt(0);
      let words = byFirst.get(first);
      if (!words) byFirst.set(first, (words = []));
      words.push({ word, syllables: overrides[word]!.trim().split(/\s+/) });
    }
    wordReadings.set(overrides, byFirst);
  }
  return byFirst;
}

/** Syllables without tones, then tones, of the whole term; quotes and brackets ignored. */
export function sortKey(term: string, overrides: Record<string, string>): Key {
  const text = term.replace(/[“”‘’《》〈〉（）()【】「」『』"'\s·・]/g, '');
  const syllables: string[] = [];
  let k = 0;
  const byFirst = wordReadingsOf(overrides);
  while (k < text.length) {
    const word = byFirst.get(text.charCodeAt(k))?.find((w) => text.startsWith(w.word, k));
    if (word) {
      syllables.push(...word.syllables);
      k += word.word.length;
      continue;
    }
    const cp = text.codePointAt(k)!;
    const ch = String.fromCodePoint(cp);
    const py = /\p{Script=Han}/u.test(ch) ? (readingOf(cp) ?? ch) : ch.toLowerCase();
    syllables.push(py);
    k += ch.length;
  }
  const tones = syllables.map((s) => Number(/([1-5])$/.exec(s)?.[1] ?? 0));
  return { syllables: syllables.map((s) => s.replace(/[1-5]$/, '')), tones };
}

function compareKeys(a: Key, b: Key): number {
  const n = Math.min(a.syllables.length, b.syllables.length);
  for (let i = 0; i < n; i++) {
    if (a.syllables[i] !== b.syllables[i]) return a.syllables[i]! < b.syllables[i]! ? -1 : 1;
  }
  if (a.syllables.length !== b.syllables.length) return a.syllables.length - b.syllables.length;
  for (let i = 0; i < n; i++) if (a.tones[i] !== b.tones[i]) return a.tones[i]! - b.tones[i]!;
  return 0;
}

function initial(k: Key): string {
  const c = k.syllables[0]?.[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(c) ? c : '#';
}
