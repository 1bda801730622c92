/**
 * A proof lays its 类目 out again from the page where the last build started the proofed
 * part (layout/resume.ts), not from the 类目's first page: the same bytes as laying the whole
 * 类目 out, and the whole 类目 again once anything before that page, the template or the fonts
 * differ from the build's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { layoutFile, readLayoutRecord, readPageRecord } from '../../src/pdf/page-record.js';
import { proof, type ProofOptions } from '../../src/proof/proof.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-resume-'));
const edition = path.join(tmp, '2019');
const category = path.join(edition, '01-qunzhong-tuanti');
const book = path.join(tmp, 'book.pdf');

beforeAll(async () => {
  fs.cpSync('content/2019', edition, { recursive: true });
  await build(edition, { output: book });
});

/** The target proofed resumed and laid out whole: where the resumed one started, and whether the two are the same bytes. */
async function both(target: string): Promise<{ from: number; whole: number; same: boolean; pages: number[] }> {
  const name = path.relative(edition, target).replace(/[/.]/g, '_');
  const options: ProofOptions = { book, date: '2026-11-29' };
  const a = await proof(target, { ...options, output: path.join(tmp, `${name}-resumed.pdf`) });
  const b = await proof(target, { ...options, output: path.join(tmp, `${name}-whole.pdf`), resume: false });
  const same = fs.readFileSync(a.output).equals(fs.readFileSync(b.output))
    && fs.readFileSync(a.report, 'utf8').replace(a.output, '') === fs.readFileSync(b.report, 'utf8').replace(b.output, '');
  return { from: a.laidOutFrom, whole: b.laidOutFrom, same, pages: a.pages.map((p) => p.number) };
}

describe('proofs resumed from the last build', () => {
  it('keep where each page of a 类目 began in its flow, in the build\'s layout record, but on its first page', () => {
    const record = readLayoutRecord(book, edition)!;
    expect(record.resume['1']).toBeUndefined();
    const points = Object.entries(record.resume);
    expect(points.length).toBeGreaterThanOrEqual(5);
    // Body pages only, and the 类目's ten pages at most.
    for (const [label] of points) {
      expect(Number(label)).toBeGreaterThan(1);
      expect(Number(label)).toBeLessThanOrEqual(10);
    }
    // A page-wide figure waiting for the next page (团区委's 11th entry) is kept by its entry and place.
    expect(points.some(([, p]) => p.pendingPage.some((f) => f.file.endsWith('11-shangfeng-qingchuangying.md') && f.figure === 0))).toBe(true);
    expect(record.layout).toMatch(/^[\w-]{27}$/);
    // The layout record is a small part of the page record, which a proof does not read.
    expect(record.starts).toEqual(readPageRecord(book, edition)!.starts);
  });

  it('give every 分目 and entry the same bytes as laying the whole 类目 out, from the page where it starts', async () => {
    const record = readLayoutRecord(book, edition)!;
    const start = (file: string) => record.starts.find((s) => s.source === file)!.page;
    const sections = fs.readdirSync(category).filter((f) => !f.endsWith('.yaml')).sort().map((f) => path.join(category, f));
    const entries = [
      '02-tuanquwei/03-huanbao-lianmeng.md', // on a page that begins with its bookmark waiting
      '02-tuanquwei/14-nuanxin-jieli.md', // on the page that the page-wide figure waited for
      '05-canlian/06-wenti-huodong.md', // an inset figure, the text set around it
      '06-hongshizihui/05-shengming-guanai.md', // an inset, on the balanced last page
    ].map((f) => path.join(category, f));
    // From the nearest page at or before the target's start that keeps where it began.
    const resumable = Object.keys(record.resume).map(Number);
    const from: number[] = [];
    for (const target of [...sections, ...entries]) {
      const r = await both(target);
      expect(r.same, target).toBe(true);
      expect(r.whole).toBe(1);
      const at = start(target.endsWith('.md') ? target : path.join(target, 'section.yaml'));
      expect(r.pages[0], target).toBe(at);
      expect(r.from, target).toBe(Math.max(1, ...resumable.filter((p) => p <= at)));
      from.push(r.from);
    }
    // Pages 9 and 10 begin with lines set around an inset figure, which cannot be taken up again:
    // the last 分目 (page 9) and the entry on page 10 start from page 8.
    expect(from).toEqual([1, 2, 4, 6, 8, 8, 3, 4, 8, 8]);
  });

  it('start from an earlier page when the sources of the target\'s own page changed, as far back as they are the same', async () => {
    const target = path.join(category, '04-kexie');
    const point = readLayoutRecord(book, edition)!.resume['6']!;
    expect((await both(target)).from).toBe(6);
    // The flow's chunks in order: each 分目's section.yaml, then its entries; edit the one page 6 begins in.
    const chunks = fs.readdirSync(category).filter((f) => !f.endsWith('.yaml')).sort().flatMap((s) => [
      path.join(category, s, 'section.yaml'),
      ...fs.readdirSync(path.join(category, s)).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(category, s, f)),
    ]);
    const edited = chunks[point.chunk]!;
    expect(edited.endsWith('.md'), edited).toBe(true);
    const text = fs.readFileSync(edited, 'utf8');
    fs.appendFileSync(edited, '\n新增一段，在科协所在页之前。\n');
    try {
      const r = await both(target);
      expect(r.same).toBe(true);
      // Page 5 began before that chunk and read nothing of it: the proof starts there, not at page 1.
      expect(readLayoutRecord(book, edition)!.resume['5']!.through).toBeLessThan(point.chunk);
      expect(r.from).toBe(5);
    } finally {
      fs.writeFileSync(edited, text);
    }
  });

  it('lay the whole 类目 out when an entry before the page changed since the build, and not for one after it', async () => {
    const target = path.join(category, '04-kexie');
    expect((await both(target)).from).toBe(6);
    const after = path.join(category, '05-canlian/02-zonghe-fuwu.md');
    const before = path.join(category, '01-zonggonghui/04-laomo-gongjiang.md');
    for (const f of [after, before]) expect(fs.existsSync(f), f).toBe(true);
    fs.appendFileSync(after, '\n新增一段，在科协之后。\n');
    let r = await both(target);
    expect(r).toMatchObject({ from: 6, same: true });
    fs.appendFileSync(before, '\n新增一段，在科协之前，使其后各页移动。\n');
    r = await both(target);
    expect(r).toMatchObject({ from: 1, same: true });
  });

  it('lay the whole 类目 out under another template or other fonts than the build\'s', async () => {
    const file = layoutFile(book);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(text), layout: 'another-template' }));
    try {
      expect((await both(path.join(category, '03-fulian'))).from).toBe(1);
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('go on without page numbers, asking for a build, when the layout record cannot be read', async () => {
    const file = layoutFile(book);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.length / 2));
    try {
      const r = await proof(path.join(category, '03-fulian'), { book, date: '2026-11-29', output: path.join(tmp, 'cut.pdf') });
      expect(r.pageNumbersKnown).toBe(false);
      expect(fs.readFileSync(r.report, 'utf8')).toContain('页码待定：先完整构建一次');
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('keep the page numbers and the resume of an edition moved with its build to another folder', async () => {
    // The records name sources relative to the edition folder.
    const stored = JSON.parse(fs.readFileSync(layoutFile(book), 'utf8')) as { starts: { source: string }[] };
    expect(stored.starts.every((s) => !path.isAbsolute(s.source))).toBe(true);
    // The edition as it was built (the tests above left edits in theirs), in another folder.
    const moved = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-moved-'));
    fs.cpSync('content/2019', path.join(moved, '2019'), { recursive: true });
    for (const f of [book, layoutFile(book), layoutFile(book).replace(/\.layout\.json$/, '.pages.json')]) fs.copyFileSync(f, path.join(moved, path.basename(f)));
    const r = await proof(path.join(moved, '2019/01-qunzhong-tuanti/04-kexie'), { book: path.join(moved, 'book.pdf'), date: '2026-11-29', output: path.join(moved, 'proof.pdf') });
    expect(r.pageNumbersKnown).toBe(true);
    expect(r.pages.map((p) => p.number)).toEqual([6, 7, 8]);
    expect(r.laidOutFrom).toBe(6);
  });
});
