/**
 * Composed paragraphs remembered by their input (pieces, options, font set), so a process
 * that typesets again after an edit (proof --watch) only composes the paragraphs that changed.
 * Off unless a long-running process turns it on: a one-shot build composes every paragraph
 * (and benchmarks of books that repeat a chapter measure real work). Results are shared and
 * must not be mutated.
 */
import type { FontSet } from '../fonts/font-config.js';
import { composeParagraph, type ComposedParagraph } from './paragraph.js';
import type { ComposeOptions, Piece } from './types.js';

/** Enough for a few thousand pages; beyond it the cache starts again. */
const MAX_ENTRIES = 100_000;
const caches = new WeakMap<FontSet, Map<string, ComposedParagraph>>();
let enabled = false;

export function enableCompositionCache(): void {
  enabled = true;
}

export function composeCached(pieces: readonly Piece[], fonts: FontSet, options: ComposeOptions): ComposedParagraph {
  if (!enabled) return composeParagraph(pieces, fonts, options);
  let cache = caches.get(fonts);
  if (!cache) caches.set(fonts, (cache = new Map()));
  const key = JSON.stringify([pieces, options]);
  let result = cache.get(key);
  if (!result) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    result = composeParagraph(pieces, fonts, options);
    cache.set(key, result);
  }
  return result;
}
