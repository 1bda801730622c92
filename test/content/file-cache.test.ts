/**
 * The file caches of a long-running process (proof --watch): a value is kept until a change to
 * one of its files is reported, or found by comparing the files with the disk; files outside
 * the watched folder are compared on every use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { enableFileCaches, FileCache, fileChanged, findChangedFiles, forgetAll } from '../../src/content/file-cache.js';

beforeAll(() => enableFileCaches());

/** A folder with a file `a.txt` and `b.txt`, and a cache whose value of a.txt is made from both. */
function setup(options?: { watched: boolean }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-file-cache-'));
  const a = path.join(dir, 'a.txt');
  const b = path.join(dir, 'b.txt');
  fs.writeFileSync(a, 'A1');
  fs.writeFileSync(b, 'B1');
  const cache = new FileCache<string>(options);
  let made = 0;
  const read = () => cache.get(a, (uses) => {
    made++;
    uses(b);
    return fs.readFileSync(a, 'utf8') + fs.readFileSync(b, 'utf8');
  });
  return { dir, a, b, read, made: () => made };
}

/** Rewrite a file so that its stamp (size, modification time) changes. */
function rewrite(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(file, later, later);
}

it('keeps a value, without reading its files again, until a change to one of them is reported', () => {
  const { a, b, read, made } = setup();
  expect(read()).toBe('A1B1');
  rewrite(b, 'B2');
  expect(read()).toBe('A1B1');
  expect(made()).toBe(1);
  fileChanged(b);
  expect(read()).toBe('A1B2');
  rewrite(a, 'A3');
  fileChanged(a);
  expect(read()).toBe('A3B2');
  expect(made()).toBe(3);
});

it('finds the changes no watcher reported by comparing the files with the disk, and makes the value again', async () => {
  const { b, read, made } = setup();
  expect(read()).toBe('A1B1');
  expect(await findChangedFiles()).toEqual([]);
  rewrite(b, 'B22');
  expect(await findChangedFiles()).toEqual([b]);
  expect(read()).toBe('A1B22');
  expect(made()).toBe(2);
  // Found once: the value made since has the new stamp.
  expect(await findChangedFiles()).toEqual([]);
});

it('sees a file the value used appear where there was none', async () => {
  const { dir, read } = setup();
  const c = path.join(dir, 'c.txt');
  const cache = new FileCache<boolean>();
  const exists = () => cache.get(c, () => fs.existsSync(c));
  expect(exists()).toBe(false);
  expect(read()).toBe('A1B1');
  fs.writeFileSync(c, 'C');
  expect(await findChangedFiles()).toEqual([c]);
  expect(exists()).toBe(true);
});

it('finds a file that went away once, not on every look, when nothing asks for its value again', async () => {
  const { dir } = setup();
  const gone = path.join(dir, 'gone.txt');
  fs.writeFileSync(gone, 'G');
  const cache = new FileCache<string>();
  expect(cache.get(gone, () => fs.readFileSync(gone, 'utf8'))).toBe('G');
  fs.rmSync(gone);
  expect(await findChangedFiles()).toEqual([gone]);
  expect(await findChangedFiles()).toEqual([]);
});

it('counts a change in a folder as a change of its listing', () => {
  const { dir } = setup();
  const listings = new FileCache<string[]>();
  const list = () => listings.get(dir, () => fs.readdirSync(dir).sort());
  expect(list()).toEqual(['a.txt', 'b.txt']);
  const d = path.join(dir, 'd.txt');
  fs.writeFileSync(d, 'D');
  fileChanged(d);
  expect(list()).toEqual(['a.txt', 'b.txt', 'd.txt']);
});

it('compares files outside the watched folder with the disk on every use', () => {
  const { b, read, made } = setup({ watched: false });
  expect(read()).toBe('A1B1');
  expect(read()).toBe('A1B1');
  rewrite(b, 'B2');
  expect(read()).toBe('A1B2');
  expect(made()).toBe(2);
});

it('forgets every kept value when a watcher reports a change without saying where', () => {
  const { a, read, made } = setup();
  read();
  rewrite(a, 'A4');
  forgetAll();
  expect(read()).toBe('A4B1');
  expect(made()).toBe(2);
});
