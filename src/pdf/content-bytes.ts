/**
 * A piece of a page's content stream, written as bytes into one buffer that is reused from
 * line to line: a book's text operators are a few million small pieces (glyph ids, numbers,
 * operators), and building them as strings, then turning each string into bytes, was most of
 * the PDF stage's own time.
 */

/** Bytes that a PDF literal string escapes: the letter after the backslash, by byte (0: as it is). */
const ESCAPED = new Uint8Array(256);
for (const [byte, letter] of [[0x0a, 0x6e], [0x0d, 0x72], [0x09, 0x74], [0x08, 0x62], [0x0c, 0x66], [0x28, 0x28], [0x29, 0x29], [0x5c, 0x5c]] as const) ESCAPED[byte] = letter;

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

  /**
   * A number rounded to three decimals, as JavaScript writes that rounded value
   * (`String(Math.round(n * 1000) / 1000)`: 12, 0.5, -148.2), written digit by digit: a
   * justified line has an adjustment between most of its glyphs, and a string made for each
   * and turned into bytes cost more than the digits.
   */
  number(n: number): void {
    // Thousandths, a whole number: its decimal digits are those of the rounded value.
    let k = Math.round(n * 1000);
    this.room(24);
    const buf = this.buf;
    let at = this.length;
    // -0 (a small negative number rounded) is written 0, as String(-0) is.
    if (k < 0) {
      buf[at++] = 0x2d;
      k = -k;
    }
    const whole = Math.floor(k / 1000);
    let fraction = k - whole * 1000;
    at = writeDigits(buf, at, whole);
    if (fraction !== 0) {
      buf[at++] = 0x2e;
      for (let unit = 100; fraction !== 0; unit /= 10) {
        const digit = Math.floor(fraction / unit);
        buf[at++] = 0x30 + digit;
        fraction -= digit * unit;
      }
    }
    this.length = at;
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

  /**
   * One byte of a PDF literal string, escaped where it must be: the parentheses and the
   * backslash, and the line ends and control characters, which a reader would otherwise
   * take for other bytes (a CR inside a string is read as LF).
   */
  literalByte(b: number): void {
    const e = ESCAPED[b]!;
    this.room(2);
    if (e !== 0) this.buf[this.length++] = 0x5c;
    this.buf[this.length++] = e === 0 ? b : e;
  }

  /**
   * A 16-bit number as the two bytes of a literal string, high byte first, each escaped where it
   * must be: a glyph id (a two-byte CID in a TJ string, half the bytes of its four hex digits) or
   * a UTF-16 code unit. Written in one call: a proof runs this in V8's interpreter, where each
   * call costs, for every glyph and every character of ActualText.
   */
  literal16(n: number): void {
    this.room(4);
    const buf = this.buf;
    let at = this.length;
    for (let shift = 8; shift >= 0; shift -= 8) {
      const b = (n >> shift) & 0xff;
      const e = ESCAPED[b]!;
      if (e !== 0) buf[at++] = 0x5c;
      buf[at++] = e === 0 ? b : e;
    }
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

/** The decimal digits of a whole number `n` ≥ 0 into `buf` at `at`; returns where they end. */
function writeDigits(buf: Buffer, at: number, n: number): number {
  let width = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) width++;
  const end = at + width;
  for (let rest = n, k = end - 1; k >= at; k--, rest = Math.floor(rest / 10)) buf[k] = 0x30 + (rest % 10);
  return end;
}
