/** Part of a file, read where it lies: the fonts' tables, the start and end of an image; a file a block at a time. */
import fs from 'node:fs';

/**
 * Read `length` bytes at `position` of the file into `into` at `offset` (a single read may
 * return fewer); returns how many there were, fewer only where the file ends.
 */
export function readAt(fd: number, into: Uint8Array, offset: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, into, offset + done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** `length` bytes at `position` of the file, or fewer where it ends. */
export function bytesAt(fd: number, position: number, length: number): Buffer {
  const data = Buffer.alloc(length);
  return data.subarray(0, readAt(fd, data, 0, length, position));
}

/**
 * Bytes read from the start of an image for its header: a PNG's is in its first chunk, a
 * JPEG's frame header comes after its metadata, which is seldom this long. A book's photos
 * run to gigabytes, which neither the layout nor the PDF's image dictionaries need.
 */
const IMAGE_HEAD = 64 * 1024;

/**
 * What `read` makes of the first 64 KB of the image open as `fd` (of `size` bytes), or,
 * where those do not hold what it needs (it returns undefined), of the whole file.
 */
export function fromImageHead<T>(fd: number, size: number, read: (bytes: Buffer) => T | undefined): T | undefined {
  return read(bytesAt(fd, 0, Math.min(size, IMAGE_HEAD))) ?? (size > IMAGE_HEAD ? read(bytesAt(fd, 0, size)) : undefined);
}

/** The size of a block (fileBlocks). */
export const BLOCK = 1024 * 1024;

/** The buffer every file read a block at a time passes through (made on first use). */
let block: Buffer | undefined;

/** Let the buffer go (the startup snapshot's warm-up: saved with the snapshot, its megabyte made every command slower to start). */
export function forgetBlockBuffer(): void {
  block = undefined;
}

/** A stretch of a file: the offset of its first byte, and of the byte after its last. */
export type FileRange = readonly [start: number, end: number];

/**
 * The bytes of `file` in `ranges`, in order, a megabyte at most at a
 * time, each block in the same buffer: whatever takes them must be done with a block before
 * it asks for the next. For files that run to gigabytes (a book's photos, its PDF), which are
 * neither held whole nor allocated anew each time (that memory made V8 collect its old
 * generation every few photos). Throws where the file ends before a range does.
 */
export function* fileBlocks(file: string, ranges: readonly FileRange[]): Generator<Uint8Array> {
  block ??= Buffer.allocUnsafe(BLOCK);
  const fd = fs.openSync(file, 'r');
  try {
    for (const [start, end] of ranges) {
      for (let at = start; at < end;) {
        const n = readAt(fd, block, 0, Math.min(block.length, end - at), at);
        if (n === 0) throw new Error(`${file} became shorter while it was being read: build again`);
        yield block.subarray(0, n);
        at += n;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}
