/**
 * Nothing is lost and the text stays exact: ActualText gives each line's source text (no
 * spaces inserted on stretched lines, —— as typed although drawn as a rule), rare characters
 * come from the fallback face and are reported, a character no font has stops the build with
 * its file and line, and a failed build leaves the previous PDF in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { ContentError } from '../../src/content/diagnostics.js';
import { makeEdition } from '../support/edition-fixture.js';
import { readPdf } from '../support/pdf-reader.js';

/** The /ActualText strings of each content stream (page), in order. */
function actualTexts(file: string): string[][] {
  const raw = fs.readFileSync(file);
  const pages: string[][] = [];
  const text = raw.toString('latin1');
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(raw.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    const texts: string[] = [];
    pages.push(texts);
    for (const a of content.matchAll(/\/ActualText (?:<([0-9a-f]*)>|\(((?:\\.|[^\\)])*)\))/g)) {
      const bytes = a[1] !== undefined ? Buffer.from(a[1], 'hex') : Buffer.from(unescapePdf(a[2]!), 'latin1');
      texts.push(bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1'));
    }
  }
  return pages;
}

/** A PDF literal string's escapes (\\n, \\(, \\ddd …) undone. */
function unescapePdf(s: string): string {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  return s.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : simple[e] ?? e));
}

const PARAGRAPH = '2018年，区总工会开展“青春是用来奋斗的”——上城区“走青连心，凝青聚力”青年大行动暨纪念五四运动99周年系列活动启动仪式，'
  + '阿依古丽·买买提等200多人参加，活动持续到6—8月，参与率100%。同时，用iPhone拍照的VR体验区吸引了许多市民。';

describe('text integrity', () => {
  it('gives every line its source text as ActualText, also where stretched or where —— is a rule', async () => {
    const dir = makeEdition([{ title: '群众团体', sections: [{ title: '上城区总工会', byline: '徐灿', entries: [{ title: '概况', body: PARAGRAPH }] }] }]);
    const out = path.join(dir, 'out.pdf');
    await build(dir, { output: out });
    const texts = actualTexts(out).find((page) => page.some((t) => t.startsWith('【概况】')))!;
    const body = texts.filter((t) => t !== '群众团体' && t !== '上城区总工会' && !/^\d+$/.test(t) && !t.startsWith('（'));
    expect(body.join('')).toBe(`【概况】${PARAGRAPH}`);
    expect(texts).toContain('（徐\u3000灿）');
    // The dash is drawn as a rule; its glyphs stay in the text layer, invisible.
    const pdf = await readPdf(out);
    const chars = pdf.pages.flatMap((p) => p.glyphs.map((g) => g.char)).join('');
    expect(chars).toContain('的”——上城区');
  });

  it('sets a character the body face lacks from the fallback face and reports it with file and line', async () => {
    const dir = makeEdition([{ title: '群众团体', sections: [{ title: '上城区总工会', entries: [{ title: '概况', body: '陕西名吃𰻝𰻝面在上城区开业。' }] }] }]);
    const out = path.join(dir, 'out.pdf');
    const result = await build(dir, { output: out });
    const w = result.warnings.find((d) => d.message.includes('U+30EDD'));
    expect(w?.file).toMatch(/01-e\.md$/);
    expect(w?.line).toBe(4);
    expect(w?.message).toContain("fallback face 'sans'");
    const pdf = await readPdf(out);
    const biang = pdf.pages[pdf.labels.indexOf('1')]!.glyphs.filter((g) => g.char === '𰻝');
    expect(biang.length).toBe(2);
    expect(biang[0]!.font).toMatch(/NotoSansSC/);
  });

  it('stops on a character no font has, naming the file and line, and leaves the last good PDF in place', async () => {
    const dir = makeEdition([{ title: '群众团体', sections: [{ title: '上城区总工会', entries: [{ title: '概况', body: '吉祥的“𠮷”字不在任何字体中。' }] }] }]);
    const out = path.join(dir, 'out.pdf');
    fs.writeFileSync(out, 'the last good PDF');
    const error = await build(dir, { output: out }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const d = (error as ContentError).diagnostics.find((x) => x.severity === 'error')!;
    expect(d.file).toMatch(/01-e\.md$/);
    expect(d.line).toBe(4);
    expect(d.message).toContain('U+20BB7');
    expect(fs.readFileSync(out, 'utf8')).toBe('the last good PDF');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
