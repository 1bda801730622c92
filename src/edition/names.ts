/**
 * Names of the folders and files of an edition: `NN-slug`, the numeric prefix giving the
 * order (docs/content-format.md, "Ordering") and the slug a short ASCII name for people and
 * tools. The printed titles live in the YAML, so a slug only has to be readable and stable.
 */
import fs from 'node:fs';
import type * as PinyinPro from 'pinyin-pro';
import { prefixOrder } from '../content/load-edition.js';
import { loadWhenAsked } from '../load-when-asked.js';

/** pinyin-pro, loaded by the commands that name folders (its code was a third of the startup snapshot's bundle). */
const pinyinPro = loadWhenAsked<typeof PinyinPro>('pinyin-pro');

/** Syllables kept in a slug: enough to recognise the title, short enough for a path. */
const SLUG_SYLLABLES = 3;

/**
 * The slug of a Chinese title: its first three pinyin syllables without tones, joined by
 * '-' (`上城区总工会` → `shang-cheng-qu`, `妇女` → `fu-nv`). A run of Latin letters or digits
 * counts as one syllable (`“她TA共同体”打造` → `ta-ta-gong`); punctuation is left out.
 * Han runs go to pinyin-pro whole, so that polyphonic characters are read in context.
 */
export function slugOf(title: string): string {
  const syllables: string[] = [];
  for (const m of title.matchAll(/(\p{sc=Han}+)|([A-Za-z0-9]+)/gu)) {
    if (m[1]) syllables.push(...pinyinPro().pinyin(m[1], { toneType: 'none', type: 'array', v: true }));
    else syllables.push(m[2]!.toLowerCase());
  }
  const ascii = syllables.map((s) => s.replace(/[^a-z0-9]/g, '')).filter((s) => s !== '');
  return ascii.slice(0, SLUG_SYLLABLES).join('-') || 'untitled';
}

/** `NN-slug` with a two-digit (or longer) order prefix. */
export function orderedName(order: number, slug: string): string {
  return `${String(order).padStart(2, '0')}-${slug}`;
}


/** The prefix after the highest one already used in `dir`, so that new items sort last. */
export function nextPrefix(dir: string): number {
  const used = fs.readdirSync(dir).map(prefixOrder).filter((n): n is number => n !== undefined);
  return Math.max(0, ...used) + 1;
}
