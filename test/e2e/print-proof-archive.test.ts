/**
 * The three things editors make: the printer's PDF (boxes, bleed, crop marks, K-only
 * overprinting black, image resolution check), proofs of one part with the book's own line
 * breaks and page numbers and marks for changed lines, and the byte-reproducible PDF/A archive
 * copy with its manifest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { generateEdition } from '../../bench/lib/edition.mjs';
import { build } from '../../src/build.js';
import { ContentError } from '../../src/content/diagnostics.js';
import { readPageRecord } from '../../src/pdf/page-record.js';
import { proof } from '../../src/proof/proof.js';
import { loadTemplate } from '../../src/template/template.js';
import { readPdf } from '../support/pdf-reader.js';

const MM = 72 / 25.4;
const template = loadTemplate('default');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-ppa-'));
const SECTION = 'content/2019/01-qunzhong-tuanti/02-tuanquwei';

/** Inflated content of every stream in the file. */
function streams(file: string): string[] {
  const raw = fs.readFileSync(file);
  const text = raw.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    try {
      out.push(zlib.inflateSync(raw.subarray(start, text.indexOf('endstream', start))).toString('latin1'));
    } catch {
      out.push(raw.subarray(start, text.indexOf('endstream', start)).toString('latin1'));
    }
  }
  return out;
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let book: string;
beforeAll(async () => {
  book = path.join(tmp, 'book.pdf');
  await build('content/2019', { output: book });
});

describe("the printer's PDF", () => {
  let file: string;
  let warnings: Awaited<ReturnType<typeof build>>['warnings'];
  beforeAll(async () => {
    file = path.join(tmp, 'print.pdf');
    warnings = (await build('content/2019', { output: file, kind: 'print' })).warnings;
  });

  it('has TrimBox, BleedBox 3 mm outside it, and room for crop marks on every page', async () => {
    const pdf = await readPdf(file);
    for (const p of pdf.pages) {
      const [tx0, ty0, tx1, ty1] = p.boxes.TrimBox!;
      const [bx0, by0, bx1, by1] = p.boxes.BleedBox!;
      const [, , mx1, my1] = p.boxes.MediaBox!;
      expect(tx1! - tx0!).toBeCloseTo(210 * MM, 2);
      expect(ty1! - ty0!).toBeCloseTo(285 * MM, 2);
      expect(tx0! - bx0!).toBeCloseTo(3 * MM, 2);
      expect(by1! - ty1!).toBeCloseTo(3 * MM, 2);
      expect(bx0!).toBeGreaterThan(5 * MM);
      expect(mx1! - bx1!).toBeGreaterThan(5 * MM);
      expect(my1! - by1!).toBeGreaterThan(5 * MM);
    }
  });

  it('sets text and rules in K only, overprinting, and never in RGB', () => {
    const all = streams(file);
    expect(all.some((s) => /\/OP true/.test(s) && /\/OPM 1/.test(s)) || fs.readFileSync(file, 'latin1').includes('/OPM 1')).toBe(true);
    const pages = all.filter((s) => s.includes(' Tf'));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const c of pages) {
      expect(c).toContain('/GsOP gs');
      expect(c).toMatch(/0 0 0 1 scn/);
      expect(c).not.toMatch(/^[\d. ]+ (rg|RG)$/m);
    }
  });

  it('draws crop marks and the registration line outside the trim', async () => {
    const pdf = await readPdf(file);
    const k = pdf.labels.indexOf('2');
    const p = pdf.pages[k]!;
    const label = p.glyphs.filter((g) => g.y > p.height - 20 * MM).map((g) => g.char).join('').replace(/\s/g, '');
    expect(label).toContain('第2页');
  });

  it('warns about an image under 300 ppi at its printed size, naming the entry file', () => {
    const w = warnings.find((d) => d.message.includes('ppi'));
    expect(w?.file).toMatch(/11-shangfeng-qingchuangying\.md$/);
    expect(w?.message).toMatch(/01-hefeng-xueyuan\.png is \d+ ppi/);
  });
});

describe('proofs', () => {
  it('sets one 分目 with the same line breaks and page numbers as the book, watermark and line numbers', async () => {
    const out = path.join(tmp, 'proof.pdf');
    const r = await proof(SECTION, { output: out, book, date: '2026-11-28', round: '2' });
    expect(r.pageNumbersKnown).toBe(true);
    const bookRecord = readPageRecord(book)!;
    const proofRecord = readPageRecord(out)!;
    expect(proofRecord.pages.map((p) => p.number)).toEqual([2, 3, 4]);
    for (const p of proofRecord.pages) expect(p.lines).toEqual(bookRecord.pages.find((b) => b.label === p.label)!.lines);
    const pdf = await readPdf(out);
    const chars = pdf.pages[0]!.glyphs.map((g) => g.char).join('').replace(/\s/g, '');
    expect(chars).toContain('二校样2026-11-28');
    // Line numbers 1… beside the left column of the first page.
    const numbers = pdf.pages[0]!.glyphs.filter((g) => g.size === 5 && g.x < template.innerMargin * 2).map((g) => g.char).join('');
    expect(numbers.startsWith('12345')).toBe(true);
    expect(fs.readFileSync(r.report, 'utf8')).toContain('第2–4页');
  });

  it('sets every 分目, and an entry, as the book does, the last 分目 with the balanced last page', async () => {
    const category = path.dirname(SECTION);
    const targets = [
      ...fs.readdirSync(category).filter((f) => !f.endsWith('.yaml')).map((f) => path.join(category, f)),
      path.join(category, '03-fulian/04-shangjiahe.md'),
    ];
    const bookRecord = readPageRecord(book, 'content/2019')!;
    const starts = bookRecord.starts;
    // The 类目's last page, the one balanced: the page before the index.
    const last = starts.find((s) => s.title === '索引')!.page - 1;
    let sawLast = false;
    for (const target of targets) {
      const out = path.join(tmp, `every-${path.basename(target)}.pdf`);
      await proof(target, { output: out, book, date: '2026-11-28' });
      const numbers = readPageRecord(out)!.pages.map((p) => p.number);
      for (const p of readPageRecord(out)!.pages) expect(p.lines).toEqual(bookRecord.pages.find((b) => b.label === p.label)!.lines);
      // From the page where the target starts to the one where the next part starts, or the one
      // before when the next part opens its page (as the next 类目, here the index, does).
      const at = starts.findIndex((s) => s.source === path.resolve(target.endsWith('.md') ? target : path.join(target, 'section.yaml')));
      const next = starts.slice(at + 1).find((s) => s.level <= starts[at]!.level)!;
      const opens = next.level === 1 || bookRecord.pages.find((p) => p.label === String(next.page))!.lines[0]!.text.includes(next.title);
      const end = opens ? next.page - 1 : next.page;
      expect(numbers).toEqual(Array.from({ length: end - starts[at]!.page + 1 }, (_, k) => starts[at]!.page + k));
      sawLast ||= numbers.includes(last);
    }
    expect(targets).toHaveLength(7);
    expect(sawLast).toBe(true);
  });

  it('marks exactly the lines whose text changed since the previous proof', async () => {
    const copy = path.join(tmp, 'edition');
    fs.cpSync('content/2019', copy, { recursive: true });
    const section = path.join(copy, '01-qunzhong-tuanti/02-tuanquwei');
    const first = path.join(tmp, 'first.pdf');
    await proof(section, { output: first, book, date: '2026-11-28' });
    const entry = path.join(section, '05-keji-dajiangtang.md');
    const text = fs.readFileSync(entry, 'utf8');
    expect(text).toContain('人形机器人编程体验');
    fs.writeFileSync(entry, text.replace('人形机器人编程体验', '人形机器人编程系列活动体验'));
    const second = await proof(section, { output: path.join(tmp, 'second.pdf'), book, date: '2026-11-28', diff: first });
    const changed = second.findings.filter((f) => f.kind === 'changed');
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(12); // the edited paragraph reflows, nothing else
    expect(changed.map((f) => f.text).join('')).toContain('系列活动');
    expect(fs.readFileSync(second.report, 'utf8')).toContain('改动');
  });

  it('checks only the 分目 it proofs: an error in another 分目 stops the build, not this proof', async () => {
    const copy = path.join(tmp, 'checked');
    fs.cpSync('content/2019', copy, { recursive: true });
    const broken = path.join(copy, '01-qunzhong-tuanti/06-hongshizihui/01-gaikuang.md');
    const text = fs.readFileSync(broken, 'utf8');
    expect(text).toContain('，');
    fs.writeFileSync(broken, text.replace('，', ','));
    const r = await proof(path.join(copy, '01-qunzhong-tuanti/02-tuanquwei'), { output: path.join(tmp, 'checked.pdf'), date: '2026-11-29' });
    expect(r.pages.length).toBeGreaterThan(0);
    for (const target of ['01-qunzhong-tuanti/06-hongshizihui', '01-qunzhong-tuanti/06-hongshizihui/02-lanmu-kaibo.md', '01-qunzhong-tuanti']) {
      const error = await proof(path.join(copy, target), { output: path.join(tmp, 'checked.pdf') }).catch((e: unknown) => e);
      expect(error, target).toBeInstanceOf(ContentError);
      expect((error as ContentError).diagnostics.map((d) => `${path.basename(d.file)} ${d.message}`).join('\n'), target).toMatch(/^01-gaikuang\.md half-width ','/m);
    }
    await expect(build(copy, { output: path.join(tmp, 'checked-book.pdf') })).rejects.toThrow(ContentError);
  });

  it('reads only the 类目 it proofs, with the page numbers the whole book gave it', async () => {
    const edition = path.join(tmp, 'n3');
    generateEdition('content/2019', edition, 3);
    const whole = path.join(tmp, 'n3.pdf');
    await build(edition, { output: whole });
    // A broken entry in the first 类目 stops the build, not a proof of the third.
    const broken = path.join(edition, '01-qunzhong-tuanti-1/01-zonggonghui/01-gaikuang.md');
    fs.writeFileSync(broken, '---\ntitel: 概况\n---\n正文。\n');
    const section = path.join(edition, '03-qunzhong-tuanti-3/02-tuanquwei');
    const out = path.join(tmp, 'n3-proof.pdf');
    const r = await proof(section, { output: out, book: whole, date: '2026-11-28' });
    expect(r.pageNumbersKnown).toBe(true);
    const bookRecord = readPageRecord(whole)!;
    const proofRecord = readPageRecord(out)!;
    expect(proofRecord.pages[0]!.number).toBeGreaterThan(20);
    for (const p of proofRecord.pages) expect(p.lines).toEqual(bookRecord.pages.find((b) => b.label === p.label)!.lines);
    await expect(proof(path.join(edition, '01-qunzhong-tuanti-1/02-tuanquwei'), { output: out, book: whole })).rejects.toThrow(ContentError);
  });
});

describe('the archive copy', () => {
  it('is PDF/A-2u with XMP metadata, rebuilds byte for byte, and has a manifest of every input', async () => {
    const a = path.join(tmp, 'a', 'archive.pdf');
    const b = path.join(tmp, 'b', 'archive.pdf');
    const ra = await build('content/2019', { output: a, kind: 'archive' });
    await build('content/2019', { output: b, kind: 'archive' });
    expect(sha(a)).toBe(sha(b));
    const raw = fs.readFileSync(a, 'utf8');
    const xmp = raw.slice(raw.indexOf('<x:xmpmeta'), raw.indexOf('</x:xmpmeta>'));
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>U</pdfaid:conformance>');
    expect(xmp).toContain('上城年鉴（2019）');
    const manifest = JSON.parse(fs.readFileSync(ra.manifest!, 'utf8'));
    expect(manifest.output.sha256).toBe(sha(a));
    const sources: { path: string; sha256: string }[] = manifest.sources;
    expect(sources.filter((s) => s.path.endsWith('.md')).length).toBe(68);
    for (const s of sources) expect(s.sha256).toBe(sha(path.join('content', s.path)));
    expect(manifest.images.length).toBe(5);
    expect(manifest.fonts.map((f: { path: string }) => f.path).join()).toContain('NotoSerifSC');
    expect(manifest.template.path).toBe('default.yaml');
  });
});
