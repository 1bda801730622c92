/** What the main thread and the layout workers share (src/layout/parallel.ts, layout-worker.ts). */
import type { Category } from '../model/document.js';

export interface LayoutWork {
  editionDir: string;
  /** How many 类目 folders the edition has. */
  count: number;
  /** [TAKEN]: how many 类目 some thread has taken; [READ]: how many the main thread has sent. */
  counters: Int32Array;
}

export const TAKEN = 0;
export const READ = 1;

/** A 类目 as the main thread sends it, with its place among the edition's 类目 folders. */
export interface ReadCategory {
  folder: number;
  category: Category;
}
