/**
 * Set up before every test file (vitest.config.ts): the temporary folders a file's tests make
 * with `fs.mkdtempSync` or `fs.promises.mkdtemp` (directly, or through the code they test) are
 * removed once the file is done, after its own afterAll hooks (vitest runs those last to
 * first). Without it a run of the tests left 66 folders in the system's temporary folder
 * (57 MB), and besides them the private builds of the seven files that run the command line
 * (test/cli/cli-process.ts), about 19 MB each. What a command started as a process of its own
 * makes is that command's to remove.
 */
import fs from 'node:fs';
import { afterAll } from 'vitest';

const made: string[] = [];

const mkdtempSync = fs.mkdtempSync;
fs.mkdtempSync = ((prefix: string, options?: fs.EncodingOption) => {
  const dir = mkdtempSync(prefix, options);
  made.push(dir);
  return dir;
}) as typeof fs.mkdtempSync;

const mkdtemp = fs.promises.mkdtemp;
fs.promises.mkdtemp = (async (prefix: string, options?: fs.EncodingOption) => {
  const dir = await mkdtemp(prefix, options);
  made.push(dir);
  return dir;
}) as typeof fs.promises.mkdtemp;

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
