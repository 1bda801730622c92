import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { loadEdition } from '../../src/content/load-edition.js';

function mk(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yb-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}
const base = (entry: string, extra: Record<string, string | Buffer> = {}) => ({
  'edition.yaml': 'title: 上城年鉴\nyear: 2019\n',
  '01-c/category.yaml': 'title: 群众团体\ntitle_en: Mass Organizations\n',
  '01-c/01-s/section.yaml': 'title: 上城区总工会\nbyline: 刘乃华\n',
  '01-c/01-s/01-a.md': entry,
  ...extra,
});
const cases: Record<string, Record<string, string | Buffer>> = {
  titel: base('---\ntitel: 概况\n---\n正文。\n'),
  titel2: base('---\ntitle: 概况\nsubtitel: x\n---\n正文。\n'),
  ordertype: base('---\ntitle: 概况\norder: "x"\n---\n正文。\n'),
  missing: base('---\norder: 1\n---\n正文。\n'),
  syntax: base('---\ntitle: 概况\n  bad: [1, 2\n---\n正文。\n'),
  syntax2: base('---\ntitle: "概况\n---\n正文。\n'),
  syntax3: base('---\ntitle: “上城”挂牌: x\n---\n正文。\n'),
  empty: base('---\ntitle: 概况\n---\n'),
  empty2: base('---\ntitle: 概况\n---\n\n\n'),
  noimg: base('---\ntitle: 概况\nfigures:\n  - image: images/x.png\n    caption: 图\n---\n正文。\n'),
  outside: base('---\ntitle: 概况\nfigures:\n  - image: ../../../../etc/passwd\n    caption: 图\n---\n正文。\n'),
  outside2: base('---\ntitle: 概况\nfigures:\n  - image: ../../../outside.png\n    caption: 图\n---\n正文。\n'),
  abs: base('---\ntitle: 概况\nfigures:\n  - image: /etc/passwd\n    caption: 图\n---\n正文。\n'),
  gif: base('---\ntitle: 概况\nfigures:\n  - image: images/x.gif\n    caption: 图\n---\n正文。\n', { '01-c/01-s/images/x.gif': 'GIF89a' }),
  gif2: base('---\ntitle: 概况\nfigures:\n  - image: images/a.png\n    caption: 图\n  - image: images/x.gif\n    caption: 图二\n---\n正文。\n', { '01-c/01-s/images/x.gif': 'GIF89a', '01-c/01-s/images/a.png': 'x' }),
  dup: base('---\ntitle: 概况\n---\n正文。\n', { '01-c/01-s/01-b.md': '---\ntitle: 二\n---\n正文。\n' }),
  noedition: { '01-c/category.yaml': 'title: x\n' },
  multi: base('---\ntitel: 概况\n---\n正文。\n', { '01-c/01-s/02-b.md': '---\ntitle: 二\norder: "x"\n---\n正文。\n', '01-c/01-s/section.yaml': 'title: 上城区总工会\nbyline: 刘乃华\nbyliine: x\n' }),
};
it('explore', () => {
  for (const [name, files] of Object.entries(cases)) {
    const dir = mk(files);
    try {
      const r = loadEdition(dir);
      console.log(name, 'OK', JSON.stringify(r.diagnostics.items.map((d) => ({ ...d, file: path.relative(dir, d.file) }))));
    } catch (e) {
      const ds = (e as { diagnostics?: unknown[] }).diagnostics;
      console.log(name, 'ERR', ds ? JSON.stringify((ds as any[]).map((d) => ({ ...d, file: path.relative(dir, d.file) })), null, 0) : e);
    }
  }
});
