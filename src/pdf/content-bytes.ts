/**
 * A piece of a page's content stream, written as bytes into one buffer that is reused from
 * line to line: a book's text operators are a few million small pieces (glyph ids, numbers,
 * operators), and building them as strings, then turning each string into bytes, was most of
 * the PDF stage's own time.
 */
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

export class ContentBytes {
  private buf = Buffer.allocUnsafe(4096);
  private length = 0;

  /** Start again, empty. */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** A string of characters below U+0100, one byte each (operators, names, numbers). */
  latin1(s: string): void {
    this.room(s.length);
    this.length += this.buf.write(s, this.length, 'latin1');
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A glyph id as the four hex digits of a TJ string. */
  hex4(id: number): void {
    this.room(4);
    const buf = this.buf;
    let at = this.length;
    buf[at++] = HEX_DIGITS[(id >> 12) & 15]!;
    buf[at++] = HEX_DIGITS[(id >> 8) & 15]!;
    buf[at++] = HEX_DIGITS[(id >> 4) & 15]!;
    buf[at++] = HEX_DIGITS[id & 15]!;
    this.length = at;
  }

  /** A copy of what was written (pdfkit keeps the chunks it is given). */
  take(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
}
