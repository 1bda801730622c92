/** proof --watch sets the proof again when an entry is saved, reusing everything unchanged. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readPageRecord } from '../../src/pdf/page-record.js';
import type { ProofResult } from '../../src/proof/proof.js';
import { watchProof } from '../../src/proof/watch.js';

it('re-sets the proof after an entry is saved, with the new text', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-watch-'));
  const edition = path.join(tmp, '2019');
  fs.cpSync('content/2019', edition, { recursive: true });
  const section = path.join(edition, '01-qunzhong-tuanti/02-tuanquwei');
  const output = path.join(tmp, 'proof.pdf');
  const results: (ProofResult | Error)[] = [];
  let notify: () => void = () => {};
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  const first = next();
  const watcher = watchProof(section, { output, date: '2026-11-28' }, (r) => {
    results.push(r);
    notify();
  });
  try {
    await first;
    const saved = next();
    const entry = path.join(section, '05-keji-dajiangtang.md');
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('人形机器人编程体验', '人形机器人编程与体验'));
    await saved;
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    const text = readPageRecord(output)!.pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(text).toContain('人形机器人编程与体验');
  } finally {
    watcher.close();
  }
});
