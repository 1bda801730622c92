/**
 * The shortcut past markdown-it (plainBody in src/content/markdown.ts): whatever body it
 * accepts, it reads exactly as markdown-it does; it declines what Markdown could read another
 * way; and it does take the sample's plain bodies, so that the shortcut is really used.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/content/diagnostics.js';
import { markdownBody, plainBody, type BodySource } from '../../src/content/markdown.js';
import { REPLAY, fuzzParameters } from '../fuzz/fuzz-options.js';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content/2019');

const body = (text: string): BodySource => ({ file: 'entry.md', text, firstLine: 4 });
const markdownReads = (text: string) => markdownBody(body(text), new Diagnostics());

describe('plainBody', () => {
  it('splits paragraphs at blank lines, joins their lines by the segment-break rule, and keeps their lines', () => {
    expect(plainBody(body('2018年，上城区\n有基层工会。\n\n\nVR体验\n3.0版 \n'))).toEqual([
      { kind: 'paragraph', leadsEntry: false, source: { file: 'entry.md', line: 4 }, runs: [{ text: '2018年，上城区有基层工会。', style: 'body' }] },
      { kind: 'paragraph', leadsEntry: false, source: { file: 'entry.md', line: 8 }, runs: [{ text: 'VR体验 3.0版', style: 'body' }] },
    ]);
    expect(plainBody(body(''))).toEqual([]);
  });

  it('declines what Markdown reads as more than paragraphs of text', () => {
    for (const text of [
      '**上城**', '上*城*', '_上城_', '`上城`', '[上城](a)', '![图](a.png)', '上城\\。', '&amp;', '<b>', '# 上城', '> 上城', '上城\n===',
      '上城\n---', '- 上城', '+ 上城', '1. 上城', '2) 上城', '上城\n1.', ' 上城', '    上城', '::: 资料\n上城\n:::', '~~~\n上城\n~~~', '上\t城',
      '上城\r\n区', '上\u0000城', '上城|区',
    ]) expect(plainBody(body(text)), JSON.stringify(text)).toBeUndefined();
  });

  it(`gives what markdown-it gives, whenever it accepts a body ${REPLAY}`, () => {
    const risky = fc.constantFrom(...'.):-+=#*_[]!&<>\\`~| 　aZ09“”，。', '\t', '\r', '\u00A0', '\u2028', '\uFEFF', '\u000C', '😀', '𠀀', 'é', '\n', '\n\n', '  \n', '1. ', '- ');
    // Mostly Chinese, as bodies are, with any of the risky characters among it, and line breaks.
    const char = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'上城区总工会年，。') }, { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', ' ', 'a', '2018', '3.0') }, { weight: 1, arbitrary: risky });
    let accepted = 0;
    let several = 0;
    fc.assert(fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
      const plain = plainBody(body(text));
      if (plain === undefined) return;
      accepted++;
      if (plain.length > 1) several++;
      expect(plain).toEqual(markdownReads(text));
    }), fuzzParameters(6000));
    // The property must have been tried on accepted bodies, of several paragraphs too, not only on declined ones.
    expect(accepted).toBeGreaterThan(1000);
    expect(several).toBeGreaterThan(200);
  });

  it('takes every plain body of the sample as markdown-it reads it', () => {
    let taken = 0;
    for (const file of fs.readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()) {
      const text = fs.readFileSync(path.join(SAMPLE, file), 'utf8');
      const m = /^---\n[\s\S]*?\n---\n/.exec(text)!;
      const rest = text.slice(m[0].length);
      const plain = plainBody(body(rest));
      if (plain === undefined) continue;
      taken++;
      expect(plain).toEqual(markdownReads(rest));
    }
    // All but the one entry with a 资料 box.
    expect(taken).toBe(67);
  });
});
