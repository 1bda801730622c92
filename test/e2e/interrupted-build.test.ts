/** An interrupted build (killed while writing) leaves the previous PDF as it was. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

it('keeps the last good PDF when the build is killed half way through writing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-kill-'));
  const out = path.join(dir, 'book.pdf');
  fs.writeFileSync(out, 'the last good PDF');
  const child = spawn(process.execPath, ['dist/cli/main.js', 'build', 'content/2019', '-o', out], { stdio: 'ignore' });
  // Kill it as soon as it has started writing its temporary file.
  const started = Date.now();
  let killed = false;
  while (Date.now() - started < 60_000) {
    if (fs.readdirSync(dir).some((f) => f.endsWith('.tmp'))) {
      child.kill('SIGKILL');
      killed = true;
      break;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  expect(killed).toBe(true);
  expect(fs.readFileSync(out, 'utf8')).toBe('the last good PDF');
});
