/** Part of a file, read where it lies: the fonts' tables and the start and end of an image. */
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
