/**
 * The startup snapshot's warm-up (src/cli/snapshot/warm-up.ts): it leaves nothing of its run
 * that would be saved with the heap (the fonts it opened, 10–15 MB each, and the megabyte
 * buffer that large files are read through), cleans up after itself, and a warm-up that fails
 * says why and what to do without failing the snapshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUp } from '../../src/cli/snapshot/warm-up.js';
import { fileBlocks } from '../../src/content/read-at.js';
import { loadFonts } from '../../src/fonts/font-config.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The warm-up's own folders left in the system's temporary folder. */
const leftOver = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('yearbook-warm-up-'));

/** The memory that files are read through a block at a time, held weakly (in a function of its own, so no register of the test's frame keeps it). */
function blockMemory(): WeakRef<ArrayBufferLike> {
  const [block] = fileBlocks(fileURLToPath(import.meta.url), [[0, 16]]);
  return new WeakRef(block!.buffer);
}

describe('the startup snapshot warm-up', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds and proofs the sample, then holds none of the fonts it opened nor the buffer it read files through', async () => {
    const before = new Set(leftOver());
    // The font set the warm-up opens and its body face, whose glyphs its lines name, and the
    // memory under the blocks that files are read in: held only weakly here, all must be
    // collectable afterwards.
    const [fonts, body] = ((opened) => [new WeakRef(opened), new WeakRef(opened.face('body'))] as const)(loadFonts());
    const blocks = blockMemory();
    const stderr = vi.spyOn(process.stderr, 'write');
    await warmUp();
    expect(stderr).not.toHaveBeenCalled();
    expect(loadFonts()).not.toBe(fonts.deref());
    // A WeakRef's target is kept until the current job ends: collect in the next one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(fonts.deref()).toBeUndefined();
    expect(body.deref()).toBeUndefined();
    expect(blocks.deref()).toBeUndefined();
    expect(leftOver().filter((f) => !before.has(f))).toEqual([]);
  }, 60_000);

  it('says what failed and what to do, without throwing, when the sample does not build', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-broken-sample-'));
    fs.writeFileSync(path.join(broken, 'edition.yaml'), 'title: 上城年鉴\n');
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    await warmUp(broken);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(new RegExp(`^the startup snapshot's warm-up, a build and a proof of ${broken}, failed \\(.*year.*\\): commands work, but start slower; run \`npm run compile\` again once that edition builds\\n$`, 's'));
  }, 60_000);
});
