/**
 * Random editions of one 类目 for property tests of the layout: 3–7 分目 of 2–10 entries, each
 * entry one to four paragraphs of the sample chapter's text and, one time in three, one or two
 * photos of every size (column, page, inset), most 分目 signed. The same seed gives the same
 * edition. Returns its folder and the proof targets: every 分目 and about a third of the entries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SAMPLE = path.resolve('content/2019/01-qunzhong-tuanti');
const PHOTO = path.join(SAMPLE, '01-zonggonghui/images/01-leishan.png');

let paragraphs: string[] | undefined;

/** The sample's body paragraphs, one line each (without its 资料 boxes). */
function samplePool(): string[] {
  paragraphs ??= fs.readdirSync(SAMPLE, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort().flatMap((f) => {
    const body = fs.readFileSync(path.join(SAMPLE, f), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    return body.split(/\n\s*\n/).map((p) => p.trim().replace(/\n/g, '')).filter((p) => p.length > 20 && !p.includes(':::'));
  });
  return paragraphs;
}

export function randomEdition(seed: number): { root: string; targets: string[] } {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const pool = samplePool();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-random-'));
  fs.writeFileSync(path.join(root, 'edition.yaml'), 'title: 测试年鉴\nyear: 2019\n');
  const category = path.join(root, '01-c');
  fs.mkdirSync(category);
  fs.writeFileSync(path.join(category, 'category.yaml'), 'title: 群众团体\ntitle_en: Mass Organizations\n');
  const targets: string[] = [];
  const sections = 3 + Math.floor(random() * 5);
  for (let s = 0; s < sections; s++) {
    const dir = path.join(category, `${String(s + 1).padStart(2, '0')}-s`);
    fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'section.yaml'), `title: 上城区第${s + 1}分会\n${random() < 0.8 ? 'byline: 刘乃华\n' : ''}`);
    targets.push(dir);
    const entries = 2 + Math.floor(random() * 9);
    for (let e = 0; e < entries; e++) {
      const figures = random() < 0.35 ? 1 + Math.floor(random() * 2) : 0;
      let front = '';
      for (let k = 0; k < figures; k++) {
        const image = `p${e}-${k}.png`;
        fs.copyFileSync(PHOTO, path.join(dir, 'images', image));
        front += `  - image: images/${image}\n    caption: 第${e}条图${k}的说明文字\n    credit: 区总工会\n    size: ${pick(['column', 'column', 'page', 'inset', 'inset'])}\n`;
      }
      const body = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pool)).join('\n\n');
      const file = path.join(dir, `${String(e + 1).padStart(2, '0')}-e.md`);
      fs.writeFileSync(file, `---\ntitle: 条目${s}-${e}\n${figures ? `figures:\n${front}` : ''}---\n${body}\n`);
      if (random() < 0.3) targets.push(file);
    }
  }
  return { root, targets };
}
