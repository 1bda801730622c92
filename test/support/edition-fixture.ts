/** Small editions written to a temporary folder, for tests that need content of their own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FixtureEntry {
  title: string;
  body: string;
  /** Extra front-matter lines (YAML). */
  extra?: string;
}

export interface FixtureCategory {
  title: string;
  titleEn?: string;
  sections: { title: string; byline?: string; entries: FixtureEntry[] }[];
}

const PLACEHOLDER_PNG = path.resolve('content/2019/01-qunzhong-tuanti/01-zonggonghui/images/01-leishan.png');

export function makeEdition(categories: FixtureCategory[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-fixture-'));
  fs.writeFileSync(path.join(root, 'edition.yaml'), 'title: 测试年鉴\nyear: 2019\ncompiler: 测试编纂委员会\n');
  categories.forEach((c, ci) => {
    const cdir = path.join(root, `${String(ci + 1).padStart(2, '0')}-c`);
    fs.mkdirSync(cdir);
    fs.writeFileSync(path.join(cdir, 'category.yaml'), `title: ${c.title}\n${c.titleEn ? `title_en: ${c.titleEn}\n` : ''}`);
    c.sections.forEach((s, si) => {
      const sdir = path.join(cdir, `${String(si + 1).padStart(2, '0')}-s`);
      fs.mkdirSync(path.join(sdir, 'images'), { recursive: true });
      fs.copyFileSync(PLACEHOLDER_PNG, path.join(sdir, 'images', 'photo.png'));
      fs.writeFileSync(path.join(sdir, 'section.yaml'), `title: ${s.title}\n${s.byline ? `byline: ${s.byline}\n` : ''}`);
      s.entries.forEach((e, ei) => {
        const front = `---\ntitle: "${e.title}"\n${e.extra ?? ''}---\n`;
        fs.writeFileSync(path.join(sdir, `${String(ei + 1).padStart(2, '0')}-e.md`), `${front}${e.body}\n`);
      });
    });
  });
  return root;
}
