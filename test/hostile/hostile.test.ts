/**
 * Hostile input: every case ends in a correct PDF or a clear error (a ContentError naming the
 * file, line and what is wrong) in bounded time, through build() of src/build.ts into a
 * temporary folder. Image paths outside the edition are covered by test/content/load-edition.test.ts.
 *
 * Cases the build catches only at layout (column 1, with font advice) are also run through the
 * text check (src/check), which reports them at their exact column with what to do; the build
 * runs that check as well once it calls checkEdition.
 *
 * Timings measured on the development machine are in the comments; the bounds are generous.
 * HOSTILE_ENTRIES=10000 runs the many-entries case at full size (about 12 s for the build).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { checkEdition } from '../../src/check/check-edition.js';
import { ContentError, Diagnostics, type Diagnostic } from '../../src/content/diagnostics.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { makeEdition, type FixtureEntry } from '../support/edition-fixture.js';

const ENTRY = '01-c/01-s/01-e.md';

function edition(entries: FixtureEntry[]): string {
  return makeEdition([{ title: '群众团体', sections: [{ title: '上城区总工会', byline: '刘乃华', entries }] }]);
}

/** An edition whose one entry file is exactly `content`. */
function withEntryFile(content: string | Buffer): string {
  const root = edition([{ title: '概况', body: '正文。' }]);
  fs.writeFileSync(path.join(root, ENTRY), content);
  return root;
}

type Outcome = { pdf: BuildResult; seconds: number } | { error: Diagnostic[]; seconds: number };

async function buildTimed(root: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const pdf = await build(root, { output: path.join(root, 'out.pdf') });
    return { pdf, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    return { error: e.diagnostics.map((d) => ({ ...d, file: path.relative(root, d.file) })), seconds: (performance.now() - started) / 1000 };
  }
}

function errorsOf(outcome: Outcome): Diagnostic[] {
  if (!('error' in outcome)) throw new Error(`expected a clear error, got a PDF of ${outcome.pdf.pages.length} pages`);
  return outcome.error.filter((d) => d.severity === 'error');
}

function pdfOf(outcome: Outcome): BuildResult {
  if ('error' in outcome) throw new Error(`expected a PDF, got:\n${outcome.error.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`);
  expect(fs.statSync(outcome.pdf.output).size).toBeGreaterThan(1000);
  return outcome.pdf;
}

/** The body-size lines of the book joined (front matter, entries, index), in order. */
const bodyText = (result: BuildResult) =>
  result.pages.flatMap((p) => p.lines.filter((l) => l.kind === 'body').map((l) => l.text)).join('');

/** The entries' text (【title】 and body) stands in the book once, whole and in order. */
function expectPrinted(result: BuildResult, text: string): void {
  const book = bodyText(result);
  const at = book.indexOf(text);
  expect(at, 'the text is printed whole').toBeGreaterThanOrEqual(0);
  expect(book.indexOf(text, at + 1), 'the text is printed once').toBe(-1);
}

/** The text check's errors for an edition that loads. */
function checkErrors(root: string): Diagnostic[] {
  const { edition: loaded } = loadEdition(root);
  const diagnostics = new Diagnostics();
  checkEdition(loaded, diagnostics);
  return diagnostics.errors.map((d) => ({ ...d, file: path.relative(root, d.file) }));
}

describe('YAML bombs', () => {
  /** Nine levels of nine aliases each: 9^9 ≈ 387 million nodes if expanded. */
  const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...'bcdefghi'.split('').map((n, k) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[k]}`).join(', ')}]`)].join('\n');

  it('a billion laughs in front matter is a clear error, at once', async () => {
    const outcome = await buildTimed(withEntryFile(`---\ntitle: 概况\n${laughs}\n---\n正文。\n`));
    expect(errorsOf(outcome)).toEqual([expect.objectContaining({
      file: ENTRY, line: 2, column: 1, message: 'YAML: Excessive alias count indicates a resource exhaustion attack',
    })]);
    expect(outcome.seconds).toBeLessThan(5); // measured 0.05 s
  });

  it('a billion laughs in edition.yaml is a clear error, at once', async () => {
    const root = edition([{ title: '概况', body: '正文。' }]);
    fs.writeFileSync(path.join(root, 'edition.yaml'), `title: 测试年鉴\nyear: 2019\n${laughs}\n`);
    const outcome = await buildTimed(root);
    expect(errorsOf(outcome).map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'edition.yaml:1: YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
    expect(outcome.seconds).toBeLessThan(5);
  });

  it('flow collections nested 10,000 deep are a clear error, at once', async () => {
    const outcome = await buildTimed(withEntryFile(`---\ntitle: 概况\nindex: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n正文。\n`));
    expect(errorsOf(outcome)).toEqual([expect.objectContaining({ file: ENTRY, line: 3, message: 'YAML syntax: Maximum call stack size exceeded' })]);
    expect(outcome.seconds).toBeLessThan(10); // measured 0.5 s
  });
});

describe('size', () => {
  it('a 1 MB paragraph builds in bounded time, every character kept', async () => {
    const sentence = '2018年，上城区有基层工会组织1137个，覆盖基层单位5348个，其中“职工之家”（示范点）28个。';
    const body = sentence.repeat(Math.ceil(1_000_000 / Buffer.byteLength(sentence)));
    const outcome = await buildTimed(edition([{ title: '概况', body }]));
    const result = pdfOf(outcome);
    expectPrinted(result, `【概况】${body}`);
    expect(result.pages.length).toBeGreaterThan(100);
    expect(outcome.seconds).toBeLessThan(60); // measured 7 s for 408,000 characters, 164 pages
  });

  const count = Number(process.env.HOSTILE_ENTRIES ?? 2000);
  it(`${count} entries build in bounded time, in order`, async () => {
    const entries = Array.from({ length: count }, (_, i) => ({ title: `条目${i + 1}`, body: `第${i + 1}条正文，上城区有基层工会组织1137个。` }));
    const outcome = await buildTimed(edition(entries));
    expectPrinted(pdfOf(outcome), entries.map((e) => `【${e.title}】${e.body}`).join(''));
    // Measured: 2,000 entries 2.6–5.7 s, 10,000 entries 9.6–11.4 s (about 90 and 420 pages): linear.
    expect(outcome.seconds).toBeLessThan(count / 100);
  });
});

describe('degenerate and broken text', () => {
  it('an edition without category is a clear error', async () => {
    const root = makeEdition([]);
    expect(errorsOf(await buildTimed(root))).toEqual([{
      severity: 'error', file: 'edition.yaml', line: 1, column: 1, message: 'the edition has no category: add a folder with a category.yaml',
    }]);
  });

  const controls = [...Array.from({ length: 0x20 }, (_, cp) => cp).filter((cp) => cp !== 0x09 && cp !== 0x0a && cp !== 0x0d), 0x7f];
  it.each(controls.map((cp) => [cp.toString(16).toUpperCase().padStart(4, '0'), cp]))('control character U+%s is a clear error', async (label, cp) => {
    const root = edition([{ title: '概况', body: `上城${String.fromCharCode(cp)}区。` }]);
    // U+0000 becomes U+FFFD in markdown-it (CommonMark §2.3).
    const shown = cp === 0 ? 'FFFD' : label;
    const build = errorsOf(await buildTimed(root));
    expect(build.map((d) => [d.file, d.line])).toEqual([[ENTRY, 4]]);
    // The layout writes U+1, the text check U+0001.
    expect(build[0]!.message).toMatch(new RegExp(`U\\+0*${shown.replace(/^0+(?=.)/, '')}\\b`));
    const check = checkErrors(root);
    expect(check.map((d) => [d.file, d.line, d.column])).toEqual([[ENTRY, 4, 3]]);
    expect(check[0]!.message).toMatch(cp === 0 ? /^replacement character U\+FFFD/ : new RegExp(`^control character U\\+${label} in the text: delete it`));
  });

  it('a carriage return alone is a line break: a correct PDF, nothing lost', async () => {
    const result = pdfOf(await buildTimed(withEntryFile('---\ntitle: 概况\n---\n上城\r区有基层工会组织。\n')));
    expectPrinted(result, '【概况】上城区有基层工会组织。');
  });

  it('an unpaired surrogate in UTF-8 (CESU bytes ED A0 80) is a clear error', async () => {
    const root = withEntryFile(Buffer.concat([Buffer.from('---\ntitle: 概况\n---\n上城'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('区。\n')]));
    const message = 'bytes here are not UTF-8 (a damaged copy, or text in another encoding pasted in): retype the characters here and save the file as UTF-8';
    expect(errorsOf(await buildTimed(root)).map((d) => [d.file, d.line, d.column, d.message])).toEqual([[ENTRY, 4, 3, message]]);
    // Reported as the file is read: the text check never sees the misread characters.
    expect(() => loadEdition(root)).toThrow(message);
  });

  it('an unpaired surrogate from a YAML escape is a clear error', async () => {
    const root = edition([{ title: '上\\uD800城', body: '正文。' }]);
    const errors = errorsOf(await buildTimed(root));
    expect(errors.every((d) => d.message.includes('U+D800'))).toBe(true);
    expect(errors[0]!.file).toBe(ENTRY);
    expect(checkErrors(root).map((d) => [d.line, d.column, d.message.split(' (')[0]])).toEqual([[2, 10, 'broken character U+D800']]);
  });

  it('a byte-order mark at the start of every file gives a correct PDF', async () => {
    const root = edition([{ title: '概况', body: '2018年，上城区有基层工会组织1137个。' }]);
    for (const file of ['edition.yaml', '01-c/category.yaml', '01-c/01-s/section.yaml', ENTRY]) {
      const full = path.join(root, file);
      fs.writeFileSync(full, `\uFEFF${fs.readFileSync(full, 'utf8')}`);
    }
    const result = pdfOf(await buildTimed(root));
    expectPrinted(result, '【概况】2018年，上城区有基层工会组织1137个。');
    expect(result.warnings).toEqual([]);
    expect(checkErrors(root)).toEqual([]);
  });

  it('a byte-order mark inside the text is a clear error', async () => {
    const root = edition([{ title: '概况', body: '上城\uFEFF区。' }]);
    expect(errorsOf(await buildTimed(root)).map((d) => [d.line, d.message.includes('U+FEFF')])).toEqual([[4, true]]);
    expect(checkErrors(root).map((d) => [d.line, d.column, d.message.split(' in the')[0]])).toEqual([[4, 3, 'invisible format character U+FEFF']]);
  });
});

/**
 * Files that are not what their names say (damaged pictures, folders named like files, broken
 * links): each is a diagnostic with its file and line, never an exception without one.
 */
describe('files that are not what their names say', () => {
  const FIGURE = 'figures:\n  - image: images/broken.png\n    caption: 两地签订协议\n    credit: 区总工会\n';
  const withImage = (write: (file: string) => void) => {
    const root = edition([{ title: '概况', body: '正文。', extra: FIGURE }]);
    write(path.join(root, '01-c/01-s/images/broken.png'));
    return root;
  };
  /** The build stops with a diagnostic on the entry's image line. */
  const expectImageError = async (root: string) => {
    expect(errorsOf(await buildTimed(root)).map((d) => [d.file, d.line])).toEqual([[ENTRY, 4]]);
  };

  it('an image that is not an image (text named .png) is a clear error', async () => {
    await expectImageError(withImage((file) => fs.writeFileSync(file, 'not a picture')));
  });

  it('an empty image file is a clear error', async () => {
    await expectImageError(withImage((file) => fs.writeFileSync(file, '')));
  });

  it('a truncated PNG is a clear error', async () => {
    const png = fs.readFileSync('content/2019/01-qunzhong-tuanti/01-zonggonghui/images/01-leishan.png');
    await expectImageError(withImage((file) => fs.writeFileSync(file, png.subarray(0, 100))));
  });

  /** A JPEG of 120 × 80 pixels (made with @napi-rs/canvas, which the preview uses), with `metadata` bytes of APP15 segments after its start marker. */
  const jpeg = async (metadata = 0): Promise<Buffer> => {
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(120, 80);
    const g = canvas.getContext('2d');
    g.fillStyle = '#3a6';
    g.fillRect(10, 10, 100, 60);
    const data = canvas.toBuffer('image/jpeg', 90);
    const segments: Buffer[] = [];
    for (let left = metadata; left > 0; left -= 40_000) {
      const body = Buffer.alloc(Math.min(left, 40_000), 0x20);
      segments.push(Buffer.from([0xff, 0xef, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body);
    }
    return Buffer.concat([data.subarray(0, 2), ...segments, data.subarray(2)]);
  };
  const FIGURE_JPEG = FIGURE.replace('broken.png', 'photo.jpg');

  it('a truncated JPEG (its header whole, its end missing) is a clear error', async () => {
    const whole = await jpeg(100_000);
    const root = edition([{ title: '概况', body: '正文。', extra: FIGURE_JPEG }]);
    fs.writeFileSync(path.join(root, '01-c/01-s/images/photo.jpg'), whole.subarray(0, whole.length - 200));
    expect(errorsOf(await buildTimed(root)).map((d) => [d.file, d.line])).toEqual([[ENTRY, 4]]);
  });

  it('a JPEG whose size comes after more metadata than is read first is read whole, and set', async () => {
    const root = edition([{ title: '概况', body: '正文。', extra: FIGURE_JPEG }]);
    fs.writeFileSync(path.join(root, '01-c/01-s/images/photo.jpg'), await jpeg(150_000));
    const { edition: loaded, diagnostics } = loadEdition(root);
    expect(diagnostics.errors).toEqual([]);
    expect(loaded.categories[0]!.sections[0]!.entries[0]!.figures[0]!.pixels).toEqual({ width: 120, height: 80 });
    expect(pdfOf(await buildTimed(root)).pages.flatMap((p) => p.images).map((i) => i.pixels)).toEqual([{ width: 120, height: 80 }]);
  });

  it('a PNG with transparency or interlaced lines is set, flattened onto white, the same bytes every time', async () => {
    const root = edition([{ title: '概况', body: '正文。', extra: FIGURE.replace('broken.png', 'logo.png') }]);
    const { PNG } = await import('pngjs');
    const logo = new PNG({ width: 40, height: 30 });
    for (let k = 0; k < logo.data.length; k += 4) logo.data.set([0x33, 0x66, 0xcc, k % 8 === 0 ? 0 : 200], k);
    fs.writeFileSync(path.join(root, '01-c/01-s/images/logo.png'), PNG.sync.write(logo, { colorType: 6 }));
    const first = pdfOf(await buildTimed(root));
    const bytes = fs.readFileSync(first.output);
    expect(bytes.includes('/SMask')).toBe(false);
    expect(fs.readFileSync(pdfOf(await buildTimed(root)).output).equals(bytes)).toBe(true);
    fs.copyFileSync('test/fixtures/interlaced-16bit.png', path.join(root, '01-c/01-s/images/logo.png'));
    expect(pdfOf(await buildTimed(root)).pages.flatMap((p) => p.images).map((i) => i.pixels)).toEqual([{ width: 60, height: 40 }]);
  });

  it('a folder named like an image is a clear error', async () => {
    await expectImageError(withImage((file) => fs.mkdirSync(file)));
  });

  it('a folder named like an entry (.md) is a clear error or skipped', async () => {
    const root = edition([{ title: '概况', body: '正文。' }]);
    fs.mkdirSync(path.join(root, '01-c/01-s/02-e.md'));
    const outcome = await buildTimed(root);
    if ('error' in outcome) expect(errorsOf(outcome)[0]!.file).toBe('01-c/01-s/02-e.md');
  });

  it('edition.yaml that is a folder is a clear error', async () => {
    const root = edition([{ title: '概况', body: '正文。' }]);
    fs.rmSync(path.join(root, 'edition.yaml'));
    fs.mkdirSync(path.join(root, 'edition.yaml'));
    expect(errorsOf(await buildTimed(root))[0]!.file).toBe('edition.yaml');
  });

  it('an entry that is a broken symbolic link is a clear error', async () => {
    const root = edition([{ title: '概况', body: '正文。' }]);
    fs.symlinkSync(path.join(root, 'nowhere.md'), path.join(root, '01-c/01-s/02-e.md'));
    expect(errorsOf(await buildTimed(root))[0]!.file).toBe('01-c/01-s/02-e.md');
  });

  it('a broken symbolic link among the category folders is a clear error or skipped', async () => {
    const root = edition([{ title: '概况', body: '正文。' }]);
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, '02-c'));
    const outcome = await buildTimed(root);
    if ('error' in outcome) expect(errorsOf(outcome)[0]!.file).toBe('02-c');
  });
});
