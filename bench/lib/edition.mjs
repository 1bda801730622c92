/**
 * Scaled editions for the benchmark: N copies of every 类目 of a source edition.
 *
 * loadEdition orders 类目 folders by their numeric prefix (an `order` key in
 * category.yaml wins) and rejects two with the same number, so copy k of source category c
 * gets the folder `NN-<name>-k` with NN = its position in the new edition, and an `order`
 * key, if the source had one, is rewritten to the same number. The 类目 title gets the
 * suffix （k） for N > 1, as the peers' gen_docs.py does, so titles (running heads,
 * bookmarks) are distinct. Sections, entries and images are copied unchanged, so entries'
 * relative image paths stay valid.
 *
 * And one long 类目 (generateLongCategory): the 分目 of the source's first 类目 N times over in
 * a single 类目, for proofing where a 类目 runs to many pages (a proof reads its whole 类目).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';

const CATEGORY_FILE = 'category.yaml';
const SECTION_FILE = 'section.yaml';

function categoryFolders(src) {
  return childFolders(src, CATEGORY_FILE);
}

/** The folders of `dir` that hold `marker`, in the order of their numeric prefix. */
function childFolders(dir, marker) {
  return fs.readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, marker)))
    .sort((a, b) => prefix(a) - prefix(b) || a.localeCompare(b));
}

function prefix(name) {
  const m = /^(\d+)[-_.]/.exec(name);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** Write the N-fold edition of `src` into `dest` (replaced). Returns { dir, categories }. */
export function generateEdition(src, dest, n) {
  const cats = categoryFolders(src);
  if (cats.length === 0) throw new Error(`${src}: no category folder (with ${CATEGORY_FILE})`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  for (const name of fs.readdirSync(src)) {
    const p = path.join(src, name);
    if (!cats.includes(name) && fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(dest, name));
  }
  copyTimes(src, cats, CATEGORY_FILE, dest, n);
  return { dir: dest, categories: n * cats.length };
}

/**
 * Write into `dest` (replaced) an edition of one 类目: that of the first 类目 of `src`, whose
 * 分目 stand `n` times over (titles suffixed （1）…（n）). Returns { dir, sections }.
 */
export function generateLongCategory(src, dest, n) {
  const [first] = categoryFolders(src);
  if (!first) throw new Error(`${src}: no category folder (with ${CATEGORY_FILE})`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  for (const name of fs.readdirSync(src)) {
    const p = path.join(src, name);
    if (fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(dest, name));
  }
  const from = path.join(src, first);
  const to = path.join(dest, first);
  fs.mkdirSync(to);
  for (const name of fs.readdirSync(from)) {
    if (fs.statSync(path.join(from, name)).isFile()) fs.copyFileSync(path.join(from, name), path.join(to, name));
  }
  const sections = childFolders(from, SECTION_FILE);
  copyTimes(from, sections, SECTION_FILE, to, n);
  return { dir: dest, sections: n * sections.length };
}

/**
 * Copy the folders `names` of `src` into `dest` n times over, as `NN-<name>-k` (NN its place
 * among them all), with the title in each folder's `marker` file suffixed （k） for n > 1 and
 * an `order` key set to NN.
 */
function copyTimes(src, names, marker, dest, n) {
  const width = Math.max(2, String(n * names.length).length);
  let pos = 0;
  for (let k = 1; k <= n; k++) {
    for (const name of names) {
      pos++;
      const base = name.replace(/^\d+[-_.]/, '');
      const to = path.join(dest, `${String(pos).padStart(width, '0')}-${base}${n > 1 ? `-${k}` : ''}`);
      fs.cpSync(path.join(src, name), to, { recursive: true });
      const yamlFile = path.join(to, marker);
      const doc = parseDocument(fs.readFileSync(yamlFile, 'utf8'));
      if (n > 1) doc.set('title', `${doc.get('title')}（${k}）`);
      if (doc.has('order')) doc.set('order', pos);
      fs.writeFileSync(yamlFile, doc.toString());
    }
  }
}

const nonSpace = (s) => (s ? [...s.replace(/\s+/gu, '')].length : 0);

/**
 * Content characters of an edition, whitespace excluded, counted on the document model
 * (the compiled loader, <dist>/content/load-edition.js): 类目 titles (Chinese and English), 分目 titles and bylines,
 * 条目 titles, the text of paragraphs, lists and 资料 boxes (with the box label), figure
 * captions and credits. Markdown markup is not counted. The peers' seed count
 * (parse_seed.py, 17,234 for the sample) counts the same parts but includes spaces.
 */
export async function countContent(dist, dir) {
  const { loadEdition } = await import(pathToFileURL(path.join(dist, 'content/load-edition.js')).href);
  const { edition } = loadEdition(dir);
  let chars = 0;
  let entries = 0;
  let paragraphs = 0;
  let figures = 0;
  const para = (p) => {
    paragraphs++;
    for (const r of p.runs) chars += nonSpace(r.text);
  };
  for (const c of edition.categories) {
    chars += nonSpace(c.title) + nonSpace(c.titleEn);
    for (const s of c.sections) {
      chars += nonSpace(s.title) + nonSpace(s.byline);
      for (const e of s.entries) {
        entries++;
        chars += nonSpace(e.title);
        for (const b of e.blocks) {
          if (b.kind === 'paragraph') para(b);
          else if (b.kind === 'list') b.items.forEach(para);
          else if (b.kind === 'box') {
            chars += nonSpace(b.label);
            b.paragraphs.forEach(para);
          }
        }
        for (const f of e.figures) {
          figures++;
          chars += nonSpace(f.caption) + nonSpace(f.credit);
        }
      }
    }
  }
  return { chars, categories: edition.categories.length, entries, paragraphs, figures };
}
