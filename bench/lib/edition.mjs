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
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';

const CATEGORY_FILE = 'category.yaml';

function categoryFolders(src) {
  return fs.readdirSync(src)
    .filter((name) => fs.existsSync(path.join(src, name, CATEGORY_FILE)))
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
  const total = n * cats.length;
  const width = Math.max(2, String(total).length);
  let pos = 0;
  for (let k = 1; k <= n; k++) {
    for (const name of cats) {
      pos++;
      const base = name.replace(/^\d+[-_.]/, '');
      const folder = `${String(pos).padStart(width, '0')}-${base}${n > 1 ? `-${k}` : ''}`;
      const to = path.join(dest, folder);
      fs.cpSync(path.join(src, name), to, { recursive: true });
      const yamlFile = path.join(to, CATEGORY_FILE);
      const doc = parseDocument(fs.readFileSync(yamlFile, 'utf8'));
      if (n > 1) doc.set('title', `${doc.get('title')}（${k}）`);
      if (doc.has('order')) doc.set('order', pos);
      fs.writeFileSync(yamlFile, doc.toString());
    }
  }
  return { dir: dest, categories: total };
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
