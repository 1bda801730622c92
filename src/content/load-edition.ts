/**
 * Stage 1: load an edition folder into the document model.
 *
 *   content/<edition>/edition.yaml
 *   content/<edition>/NN-<category>/category.yaml
 *   content/<edition>/NN-<category>/NN-<section>/section.yaml
 *   content/<edition>/NN-<category>/NN-<section>/NN-<entry>.md
 *
 * Every problem is collected into Diagnostics; a ContentError with all of them is thrown at
 * the end if any was an error.
 */
import { imageSize } from 'image-size';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Block, Category, Edition, Entry, Figure, Section, SourceRef } from '../model/document.js';
import { ContentError, Diagnostics, type Diagnostic } from './diagnostics.js';
import { digest } from './digest.js';
import { CATEGORY_FILE, EDITION_FILE, SECTION_FILE } from './edition-files.js';
import { FileCache } from './file-cache.js';
import { parseBody } from './markdown.js';
import { bytesAt, fromImageHead } from './read-at.js';
import { categorySchema, editionSchema, entrySchema, sectionSchema } from './schema.js';
import { readYaml } from './yaml-file.js';

const IMAGE_TYPES = ['.png', '.jpg', '.jpeg'];

export interface LoadResult {
  edition: Edition;
  diagnostics: Diagnostics;
}

export interface LoadOptions {
  /**
   * Told of each 类目 as soon as it is read, with its place among the edition's 类目 folders
   * (categoryFolders): layout workers start on it while the rest is read.
   */
  onCategory?: (category: Category, folder: number) => void;
  /** Read only this 类目 folder (a proof of a part of it): the other 类目 are left out. */
  only?: string;
}

export function loadEdition(dir: string, { onCategory, only }: LoadOptions = {}): LoadResult {
  const root = path.resolve(dir);
  const diagnostics = new Diagnostics();
  const editionFile = path.join(root, EDITION_FILE);
  if (!isFile(editionFile)) {
    diagnostics.error(editionFile, 1, 1, `no ${EDITION_FILE} here: an edition is a folder with an ${EDITION_FILE} (see docs/content-format.md)`);
    throw new ContentError(diagnostics.items);
  }
  const { meta } = readEditionFile(editionFile, diagnostics);
  // The system's realpath, one call, where Node's own lstats each folder on the way (200 photos' 14 ms at N=40).
  const realRoot = fs.realpathSync.native(root);
  const wanted = only === undefined ? undefined : path.resolve(only);
  const categories = sortByOrder(
    orderedChildren(root, CATEGORY_FILE, diagnostics).flatMap((c, folder) => {
      if (wanted !== undefined && c.dir !== wanted) return [];
      const category = loadCategory(c, realRoot, diagnostics);
      if (onCategory) {
        const { order: _order, ...unordered } = category;
        onCategory(unordered, folder);
      }
      return [category];
    }),
    'category',
    diagnostics,
  ).map(({ order: _order, ...c }) => c);
  if (categories.length === 0) {
    diagnostics.error(editionFile, 1, 1, `the edition has no category: add a folder with a ${CATEGORY_FILE}`);
  }
  if (!meta || diagnostics.errors.length > 0) throw new ContentError(diagnostics.items);
  const edition: Edition = {
    root,
    id: path.basename(root),
    title: meta.title,
    year: meta.year,
    runningHead: meta.running_head ?? defaultRunningHead(meta.title, meta.year),
    template: meta.template,
    templateVersion: meta.template_version,
    compiler: meta.compiler,
    publisher: meta.publisher,
    language: meta.language,
    colophon: meta.colophon.flatMap((row) => Object.entries(row).map(([k, v]): [string, string] => [k, String(v)])),
    preface: meta.preface ? loadPreface(root, meta.preface, realRoot, diagnostics, editionFile) : [],
    prefaceFile: meta.preface ? path.resolve(root, meta.preface) : undefined,
    pinyin: meta.pinyin,
    indexSee: meta.index_see,
    categories,
    source: { file: editionFile, line: 1 },
  };
  return { edition, diagnostics };
}

interface Child {
  dir: string;
  /** The folder's marker file (category.yaml or section.yaml). */
  file: string;
  /** From the folder's numeric prefix. */
  order: number | undefined;
}

/**
 * What reading a file or folder made, and what reading it reported: kept together (proof
 * --watch reads the edition again on every save), the report given again on each use.
 */
interface Read<T> {
  value: T;
  items: Diagnostic[];
}

function cached<T>(
  cache: FileCache<Read<T>>, file: string, diagnostics: Diagnostics,
  make: (own: Diagnostics, uses: (other: string) => void) => T, context?: string,
): T {
  const read = cache.get(file, (uses) => {
    const own = new Diagnostics();
    return { value: make(own, uses), items: own.items };
  }, context);
  diagnostics.items.push(...read.items);
  return read.value;
}

/** A YAML file (edition.yaml, category.yaml, section.yaml) checked against its schema, and the digest of its text. */
function metaReader<S extends z.ZodType>(schema: S) {
  const cache = new FileCache<Read<{ meta: z.infer<S> | undefined; digest: string }>>();
  return (file: string, diagnostics: Diagnostics) => cached(cache, file, diagnostics, (own) => {
    const text = contentText(file, own);
    if (text === undefined) return { meta: undefined, digest: digest('') };
    return { meta: readYaml({ file, text, firstLine: 1 }, schema, own), digest: digest(text) };
  });
}

const readEditionFile = metaReader(editionSchema);
const readCategoryFile = metaReader(categorySchema);
const readSectionFile = metaReader(sectionSchema);

const listings = new FileCache<Read<Child[]>>();

/**
 * Sub-folders holding `marker`, sorted by numeric prefix (an `order` key, read later, wins). In
 * a 类目 folder (`ownFile` its category.yaml) a file that is no content is reported (strayFile).
 */
function orderedChildren(dir: string, marker: string, diagnostics: Diagnostics, ownFile?: string): Child[] {
  return cached(listings, dir, diagnostics, (own, uses) => {
    const children: Child[] = [];
    for (const d of fs.readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const name = d.name;
      const sub = path.join(dir, name);
      // The listing says what each name is (no stat for each); a link is followed.
      const stat = d.isSymbolicLink() ? statOrUndefined(sub) : d;
      if (!stat) {
        own.warning(sub, 1, 1, 'cannot be read (a broken link?) and is skipped');
        continue;
      }
      if (!stat.isDirectory()) {
        if (ownFile !== undefined && name !== ownFile) strayFile(sub, false, '类目', own);
        continue;
      }
      if (name === 'images') continue;
      const file = path.join(sub, marker);
      uses(file);
      if (!isFile(file)) {
        own.warning(sub, 1, 1, `folder has no ${marker} and is skipped`);
        continue;
      }
      children.push({ dir: sub, file, order: prefixOrder(name) });
    }
    return children;
  }, marker);
}

/** What the system and editors leave in a folder beside the content: hidden files, Office's lock files, backups. */
const NOT_CONTENT = /^[.~]|~$|\.(bak|swp|tmp)$|^(thumbs\.db|desktop\.ini)$/i;

/**
 * A file or folder in a 类目 or 分目 folder that the edition does not read: reported, so that
 * an entry saved under another extension (.txt, .docx) or in the wrong folder is not left out
 * of the book unnoticed; the system's and editors' own files pass in silence.
 */
function strayFile(file: string, folder: boolean, level: '类目' | '分目', diagnostics: Diagnostics): void {
  if (NOT_CONTENT.test(path.basename(file))) return;
  const message = level === '类目'
    ? (/\.md$/i.test(file)
      ? 'an entry directly in a 类目 folder is not read: move it into one of its 分目 folders'
      : 'is not read (a 类目 folder holds its category.yaml and its 分目 folders): move it out of the edition')
    : folder
      ? 'folder is not read (a 分目 folder holds its section.yaml, its entries and an images/ folder): move it out of the edition'
      : 'is not read and not printed: an entry is a .md file (rename it if it is one); move anything else out of the edition';
  diagnostics.warning(file, 1, 1, message);
}

/** The edition's 类目 folders, in name order (each becomes one 类目; its order key may move it). */
export function categoryFolders(editionDir: string): string[] {
  return orderedChildren(path.resolve(editionDir), CATEGORY_FILE, new Diagnostics()).map((c) => c.dir);
}

/**
 * How many entry files (.md) the 分目 folders of these 类目 folders hold, counted from the
 * folders' listings alone and no further than `enough`: how much there is to lay out, before
 * any of it is read (layout/parallel.ts).
 */
export function entryCount(categories: readonly string[], enough: number): number {
  let count = 0;
  for (const category of categories) {
    for (const section of fs.readdirSync(category, { withFileTypes: true })) {
      if (!section.isDirectory() || section.name === 'images') continue;
      for (const name of fs.readdirSync(path.join(category, section.name))) if (/\.md$/i.test(name)) count++;
      if (count >= enough) return count;
    }
  }
  return count;
}

/** The running head when edition.yaml gives none: the title with the year, 上城年鉴（2019）. */
export function defaultRunningHead(title: string, year: number): string {
  return `${title}（${year}）`;
}

/** The order a folder or file name's numeric prefix gives (`03-fulian` → 3). */
export function prefixOrder(name: string): number | undefined {
  const m = /^(\d+)[-_.]/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Sort by explicit order, then prefix; report duplicates and missing order. */
function sortByOrder<T extends { order: number | undefined; source: SourceRef }>(items: T[], what: string, diagnostics: Diagnostics): T[] {
  const seen = new Map<number, T>();
  for (const item of items) {
    if (item.order === undefined) {
      diagnostics.error(item.source.file, item.source.line, 1,
        `${what} has no order: give the file or folder a numeric prefix (01-…) or an 'order' key`);
      continue;
    }
    const other = seen.get(item.order);
    if (other) {
      diagnostics.error(item.source.file, item.source.line, 1,
        `${what} has order ${item.order}, the same as ${path.relative(path.dirname(item.source.file), other.source.file)}: give each a different number`);
    }
    seen.set(item.order, item);
  }
  return [...items].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

type Ordered<T> = T & { order: number | undefined };

function loadCategory(child: Child, realRoot: string, diagnostics: Diagnostics): Ordered<Category> {
  const { meta } = readCategoryFile(child.file, diagnostics);
  const sections = orderedChildren(child.dir, SECTION_FILE, diagnostics, CATEGORY_FILE).map((s) => loadSection(s, realRoot, diagnostics));
  return {
    title: meta?.title ?? '',
    titleEn: meta?.title_en,
    sections: sortByOrder(sections, 'section', diagnostics).map(({ order: _order, ...s }) => s),
    source: { file: child.file, line: 1 },
    order: meta?.order ?? child.order,
  };
}

const entryListings = new FileCache<Read<string[]>>();

function loadSection(child: Child, realRoot: string, diagnostics: Diagnostics): Ordered<Section> {
  const { meta, digest: sectionDigest } = readSectionFile(child.file, diagnostics);
  // The folder's listing says what each name is (no stat per entry file); a link is followed.
  const entryFiles = cached(entryListings, child.dir, diagnostics, (own) => fs.readdirSync(child.dir, { withFileTypes: true })
    .sort(byName)
    .filter((d) => {
      const entry = /\.md$/i.test(d.name);
      // An entry file, as nearly every name is: no path made for it.
      if (entry && d.isFile()) return true;
      const file = path.join(child.dir, d.name);
      if (!entry) {
        const folder = d.isDirectory() || (d.isSymbolicLink() && statOrUndefined(file)?.isDirectory() === true);
        if (d.name !== SECTION_FILE && !(d.name === 'images' && folder)) strayFile(file, folder, '分目', own);
        return false;
      }
      if (d.isSymbolicLink() && isFile(file)) return true;
      own.error(file, 1, 1, 'is not a readable file (a folder, or a broken link): rename or remove it');
      return false;
    })
    .map((d) => d.name));
  const entries = entryFiles.map((name) => loadEntry(path.join(child.dir, name), realRoot, diagnostics));
  if (entries.length === 0) diagnostics.warning(child.file, 1, 1, 'section has no entry (.md file)');
  const sorted = sortByOrder(entries, 'entry', diagnostics);
  return {
    title: meta?.title ?? '',
    titleEn: meta?.title_en,
    byline: meta?.byline,
    entries: sorted.map(({ order: _order, ...e }) => e),
    source: { file: child.file, line: 1 },
    digest: sectionDigest,
    order: meta?.order ?? child.order,
  };
}

const prefaces = new FileCache<Read<Block[]>>();

/** The 编辑说明: a plain Markdown file inside the edition. */
function loadPreface(root: string, rel: string, realRoot: string, diagnostics: Diagnostics, editionFile: string): Block[] {
  const file = path.resolve(root, rel);
  const real = fs.existsSync(file) ? fs.realpathSync.native(file) : undefined;
  if (!real || !(real.startsWith(realRoot + path.sep))) {
    diagnostics.error(editionFile, 1, 1, `preface '${rel}' not found inside the edition folder`);
    return [];
  }
  return cached(prefaces, file, diagnostics, (own) => {
    const text = contentText(file, own);
    return text === undefined ? [] : parseBody({ file, text, firstLine: 1 }, own);
  });
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Entries already parsed by this process (made again when the file or one of its photos changes). */
const entries = new FileCache<Read<Ordered<Entry>>>();

function loadEntry(file: string, realRoot: string, diagnostics: Diagnostics): Ordered<Entry> {
  return cached(entries, file, diagnostics, (own, uses) => parseEntry(file, realRoot, own, uses), realRoot);
}

function parseEntry(file: string, realRoot: string, diagnostics: Diagnostics, uses: (image: string) => void): Ordered<Entry> {
  const text = contentText(file, diagnostics);
  const source: SourceRef = { file, line: 1 };
  const empty = { title: '', blocks: [], figures: [], index: [], source, digest: digest(text ?? ''), order: prefixOrder(path.basename(file)) };
  if (text === undefined) return empty;
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    diagnostics.error(file, 1, 1, text.startsWith('---')
      ? "the front matter is not closed: end it with a line '---' before the text"
      : "entry has no front matter: start the file with '---', a line 'title: …', and '---'");
    return empty;
  }
  const meta = readYaml({ file, text: m[1]!, firstLine: 2 }, entrySchema, diagnostics);
  const bodyFirstLine = m[0].split('\n').length;
  const blocks = parseBody({ file, text: text.slice(m[0].length), firstLine: bodyFirstLine }, diagnostics);
  if (!meta) return empty;
  if (blocks.length === 0) diagnostics.error(file, bodyFirstLine, 1, 'entry has no text after its front matter');
  const first = blocks[0];
  if (first?.kind === 'paragraph') first.leadsEntry = true;
  const figures = meta.figures.map((f, i): Figure => ({
    kind: 'figure',
    ...resolveImage(file, f.image, realRoot, diagnostics, lineOfItemField(m[1]!, 'figures', i, 'image') + 1, uses),
    caption: f.caption,
    credit: f.credit,
    creditRole: f.credit_role,
    size: f.size,
    source: { file, line: lineOfItemField(m[1]!, 'figures', i) + 1 },
  }));
  const pixels = figures.map((f) => `\n${f.pixels.width}×${f.pixels.height}`).join('');
  return { title: meta.title, blocks, figures, index: meta.index, source, digest: pixels ? digest(text + pixels) : empty.digest, order: meta.order ?? empty.order };
}

/**
 * Line (1-based within the front matter) of `field` in the i-th item of the list under `key`
 * (or of the item itself when it has no such field), for messages.
 */
function lineOfItemField(yamlText: string, key: string, i: number, field?: string): number {
  const lines = yamlText.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  let seen = -1;
  let item = -1;
  for (let n = start + 1; n >= 1 && n < lines.length; n++) {
    const l = lines[n]!;
    if (/^\S/.test(l)) break;
    if (/^\s*-\s/.test(l) && ++seen > i) break;
    if (seen !== i) continue;
    if (item < 0) item = n;
    if (field && new RegExp(`^\\s*(?:-\\s+)?${field}:`).test(l)) return n + 1;
  }
  return (item >= 0 ? item : Math.max(start, 0)) + 1;
}

/**
 * The image's absolute path and pixel size; every problem with it is reported at its line.
 * `uses` is told of the image before it is read: the entry depends on it (proof --watch).
 */
function resolveImage(
  entryFile: string, rel: string, realRoot: string, diagnostics: Diagnostics, line: number, uses: (image: string) => void,
): Pick<Figure, 'image' | 'pixels'> {
  const image = path.resolve(path.dirname(entryFile), rel);
  uses(image);
  const unread = { image, pixels: { width: 0, height: 0 } };
  if (path.isAbsolute(rel)) {
    diagnostics.error(entryFile, line, 1, `image path '${rel}' is absolute: give it relative to the entry file, inside the edition folder`);
    return unread;
  }
  // Opened once for all that follows: whether it is a file, its size and its header.
  const opened = openFile(image);
  if (opened === 'missing') {
    diagnostics.error(entryFile, line, 1, `image '${rel}' not found (looked for ${path.relative(process.cwd(), image)})`);
    return unread;
  }
  if (typeof opened === 'string') {
    diagnostics.error(entryFile, line, 1, `image '${rel}' cannot be read (${opened}): check the file's permissions`);
    return unread;
  }
  try {
    const real = openedPath(opened.fd) ?? fs.realpathSync.native(image);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      diagnostics.error(entryFile, line, 1, `image '${rel}' lies outside the edition folder: copy it into the edition`);
      return unread;
    }
    if (!IMAGE_TYPES.includes(path.extname(image).toLowerCase())) {
      diagnostics.error(entryFile, line, 1, `image '${rel}' is not PNG or JPEG: convert it (print needs PNG or JPEG at 300 ppi)`);
      return unread;
    }
    // The content must be what the name says, and readable, or the PDF stage would fail half way.
    const pixels = wholeImageSize(opened.fd, opened.size);
    if (!pixels) {
      diagnostics.error(entryFile, line, 1, `image '${rel}' is damaged or not really a PNG or JPEG file: export it again`);
      return unread;
    }
    return { image, pixels };
  } finally {
    fs.closeSync(opened.fd);
  }
}

/**
 * The file open for reading, with its size; 'missing' where there is no such file (or a folder,
 * or a broken link), or the system's code of why it cannot be opened.
 */
function openFile(file: string): { fd: number; size: number } | string {
  let fd: number;
  try {
    // Not blocking: a named pipe would wait for a writer (reads of a file are not affected).
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return ['ENOENT', 'ENOTDIR', 'ELOOP'].includes(code) ? 'missing' : code;
  }
  const stat = fs.fstatSync(fd);
  if (stat.isFile()) return { fd, size: stat.size };
  fs.closeSync(fd);
  return 'missing';
}

/**
 * Where an open file really is, every link on its way followed: on Linux one read of the link
 * the system keeps for the open file, where realpath reads each folder on the way (200
 * photos took 5–17 ms of the N=40 book's reading); elsewhere undefined.
 */
function openedPath(fd: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/**
 * The pixel size of a PNG or JPEG whose header reads and whose end is there (IEND chunk, EOI
 * marker), as it is shown: a JPEG whose EXIF orientation turns it a quarter (5–8: phones
 * store portrait photos so) is drawn turned (pdfkit reads the same tag), so its frame is
 * as tall as the stored picture is wide.
 */
function wholeImageSize(fd: number, size: number): Figure['pixels'] | undefined {
  const info = fromImageHead(fd, size, sizeOf);
  const end = bytesAt(fd, Math.max(0, size - 16), Math.min(size, 16));
  const whole = info?.type === 'png' ? end.subarray(-12).includes('IEND')
    : info?.type === 'jpg' ? end.includes(Buffer.from([0xff, 0xd9])) : false;
  if (!whole || !info?.width || !info.height) return undefined;
  return (info.orientation ?? 1) > 4 ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}

function sizeOf(data: Buffer): ReturnType<typeof imageSize> | undefined {
  try {
    return imageSize(data);
  } catch {
    return undefined;
  }
}

/** A folder's listing in the order of its names, as `readdirSync(dir).sort()` gives them (by UTF-16 code units). */
function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  return statOrUndefined(file)?.isFile() ?? false;
}

/** readFileSync's options as an object: given as a string, they are copied into a fresh object on every call. */
const UTF8 = { encoding: 'utf8' } as const;

/** UTF-8 text, BOM removed, NFC-normalised (pdfkit renders decomposed text badly). */
export function readText(file: string): string {
  return fs.readFileSync(file, UTF8).replace(/^\uFEFF/, '').normalize('NFC');
}

/**
 * A content file's text (readText), or undefined when the file is not UTF-8: reported at its
 * first character that is not, saying so when the file reads as GB18030 (GBK, what Windows
 * Notepad saves Chinese text as), and then not parsed, so that no error about misread
 * characters follows (a front matter read as UTF-8 fails its schema in ways that say
 * nothing of the encoding).
 */
export function contentText(file: string, diagnostics: Diagnostics): string | undefined {
  const text = readText(file);
  // A replacement character is where UTF-8 decoding failed, unless the file holds one itself.
  const at = text.indexOf('\uFFFD');
  if (at < 0) return text;
  const bytes = fs.readFileSync(file);
  if (decodes(bytes, 'utf-8')) return text;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  // Chinese text in GB18030 read as UTF-8 is mostly replacement characters; UTF-8 text with a
  // damaged spot is mostly characters read right (GB18030 takes almost any bytes, so that it
  // decodes says little by itself).
  let lost = 0;
  let read = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') lost++;
    else if (ch > '\x7f') read++;
  }
  diagnostics.error(file, line, column, lost > read && decodes(bytes, 'gb18030')
    ? 'the file is not UTF-8 but GB18030 (GBK), as Windows Notepad saves Chinese text: save it as UTF-8 (Notepad: 另存为, 编码 UTF-8; or iconv -f GB18030 -t UTF-8)'
    : 'bytes here are not UTF-8 (a damaged copy, or text in another encoding pasted in): retype the characters here and save the file as UTF-8');
  return undefined;
}

function decodes(bytes: Buffer, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
