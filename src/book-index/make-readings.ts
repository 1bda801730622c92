/**
 * Makes the subject index's table of readings (./readings.ts), a step of `npm run compile`:
 * for every Han code point (`\p{Script=Han}`, which is what the index looks up), what
 * pinyin-pro's pinyin() gives the character alone, with its tone as a digit. That is the
 * first reading in its dictionary, but for 了 (liao3, as in 了解, not the particle le) and 々
 * (tong2, the reading of 同). Characters without a reading are left out; the index sorts
 * them by themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { READINGS_FILE } from './readings.js';

/** Every code point that Unicode gives to the Han script lies in this span (from the CJK radicals to Unicode 17's extension J). */
const HAN_SPAN = [0x2e80, 0x3347f] as const;

const HAN = /\p{Script=Han}/u;

function tableLines(): string[] {
  const lines: string[] = [];
  let run: string[] = [];
  let start = 0;
  const endRun = () => {
    if (run.length > 0) lines.push(`${start.toString(16)} ${run.join(' ')}`);
    run = [];
  };
  for (let cp = HAN_SPAN[0]; cp <= HAN_SPAN[1]; cp++) {
    const ch = String.fromCodePoint(cp);
    const reading = HAN.test(ch) ? pinyin(ch, { toneType: 'num', type: 'array' })[0] : undefined;
    if (reading !== undefined && /\s/.test(reading)) throw new Error(`pinyin-pro reads ${ch} as "${reading}", not one syllable`);
    if (reading === undefined || reading === '' || reading === ch) {
      endRun();
      continue;
    }
    if (run.length === 0) start = cp;
    run.push(reading);
  }
  endRun();
  return lines;
}

// Written beside and renamed, so no process reads half a table.
fs.mkdirSync(path.dirname(READINGS_FILE), { recursive: true });
fs.writeFileSync(`${READINGS_FILE}.part`, tableLines().join('\n') + '\n');
fs.renameSync(`${READINGS_FILE}.part`, READINGS_FILE);
