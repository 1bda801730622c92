#!/usr/bin/env node
/**
 * Line composition alone, in one warm process: every body paragraph of an edition composed
 * as the book sets it (body size, characters per line, 2 em indent, the template's rules),
 * `--repeat` times per round, timing the three steps (prepare, linebreak, finalize) apart.
 * Prints each round and the fastest time per step over the rounds: on a noisy machine the
 * fastest round is the one least disturbed, and the first rounds include V8's warm-up.
 * For comparing two versions of src/typeset; the whole build is measured by bench/run.mjs.
 *
 *   node bench/typeset.mjs [EDITION_DIR] [--repeat 40] [--rounds 10]
 *
 * It runs dist/ as it is: `npm run compile` (or tsc) first.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(REPO, 'dist', file));
const { loadEdition } = await dist('content/load-edition.js');
const { loadTemplate } = await dist('template/template.js');
const { loadFonts } = await dist('fonts/font-config.js');
const { Diagnostics } = await dist('content/diagnostics.js');
const { FlowBuilder, STYLE_ROLE } = await dist('layout/flow.js');
const { prepare } = await dist('typeset/prepare.js');
const { breakLines } = await dist('typeset/linebreak.js');
const { finalizeLine } = await dist('typeset/finalize.js');
const { paragraphGlyphs } = await dist('typeset/line-glyphs.js');

const { values, positionals } = parseArgs({ options: { repeat: { type: 'string', default: '40' }, rounds: { type: 'string', default: '10' } }, allowPositionals: true });
const editionDir = positionals[0] ?? path.join(REPO, 'content/2019');
const repeat = Number(values.repeat);
const rounds = Number(values.rounds);

const { edition } = loadEdition(editionDir);
const template = loadTemplate(edition.template, edition.templateVersion);
const fonts = loadFonts();
const g = template.grid;
const options = new FlowBuilder(template, fonts, new Diagnostics()).options(g.body_size, g.chars_per_line, 2);
const paragraphs = edition.categories.flatMap((c) => c.sections.flatMap((s) => s.entries.flatMap((e) => e.blocks)))
  .flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'list' ? b.items : b.paragraphs))
  .map((p) => p.runs.map((r) => ({ text: r.text, role: STYLE_ROLE[r.style] })));
const chars = paragraphs.reduce((n, pieces) => n + pieces.reduce((m, p) => m + p.text.length, 0), 0);
console.log(`${paragraphs.length} paragraphs, ${chars} characters, ×${repeat} per round, measure ${g.chars_per_line} em`);

const best = { prepare: Infinity, linebreak: Infinity, finalize: Infinity };
for (let round = 1; round <= rounds; round++) {
  const t = { prepare: 0, linebreak: 0, finalize: 0 };
  let lines = 0;
  for (let r = 0; r < repeat; r++) {
    for (const pieces of paragraphs) {
      const t0 = performance.now();
      const prepared = prepare(pieces, fonts, options);
      const t1 = performance.now();
      const breaks = breakLines(prepared, options);
      const t2 = performance.now();
      let start = 0;
      const glyphs = paragraphGlyphs(prepared);
      breaks.forEach((end, line) => {
        finalizeLine(prepared, start, end, line, options, glyphs);
        start = end;
      });
      const t3 = performance.now();
      t.prepare += t1 - t0;
      t.linebreak += t2 - t1;
      t.finalize += t3 - t2;
      lines += breaks.length;
    }
  }
  for (const k of Object.keys(best)) best[k] = Math.min(best[k], t[k]);
  console.log(`round ${round}: prepare ${t.prepare.toFixed(0)} ms, linebreak ${t.linebreak.toFixed(0)} ms, finalize ${t.finalize.toFixed(0)} ms (${lines} lines)`);
}
const total = best.prepare + best.linebreak + best.finalize;
console.log(`fastest: prepare ${best.prepare.toFixed(0)} ms, linebreak ${best.linebreak.toFixed(0)} ms, finalize ${best.finalize.toFixed(0)} ms; ${((chars * repeat) / (total / 1000) / 1e6).toFixed(2)} million characters/s`);
