/**
 * fontkit, loaded the first time a face needs it: a cmap of a format SfntTables does not read,
 * a CFF (OpenType) face's subset, text that pdfkit lays out itself (the crop marks' labels).
 * The TrueType faces of a book need none of it, so the startup snapshot leaves fontkit out
 * (src/cli/snapshot/make.ts): its modules, tables and shapers were 13 ms of deserialising
 * the snapshot in every command.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

let loaded: typeof Fontkit | undefined;

export function fontkit(): typeof Fontkit {
  return (loaded ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit);
}

/** Whether this process has loaded fontkit (for the tests). */
export function fontkitLoaded(): boolean {
  return loaded !== undefined;
}
