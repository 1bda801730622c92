/**
 * A line's text operators inside a marked-content span whose ActualText is the line's source
 * text (ISO 32000-1 §14.9.4), as the bytes of the content stream: text extraction then gives
 * the source text exactly, also on stretched lines and where —— is drawn as a rule.
 *
 * The same bytes as pdfkit's markContent('Span', { actual }) … endMarkedContent() write, made
 * here because the page's text is written line by line in one go: pdfkit builds a dictionary
 * object, converts it and turns the string into bytes a character at a time, for every line.
 */
const BEGIN = Buffer.from('/Span <<\n/ActualText (', 'latin1');
const MIDDLE = Buffer.from(')\n>> BDC\n', 'latin1');
const END = Buffer.from('\nEMC\n', 'latin1');
const BOM = Buffer.from([0xfe, 0xff]);
/** A span without text (pdfkit leaves an empty ActualText out). */
const EMPTY = Buffer.from('/Span <<\n>> BDC\n', 'latin1');

/** Bytes that a PDF literal string escapes: the letter after the backslash, by byte (0: as it is). */
const ESCAPED = new Uint8Array(256);
for (const [byte, letter] of [[0x0a, 0x6e], [0x0d, 0x72], [0x09, 0x74], [0x08, 0x62], [0x0c, 0x66], [0x28, 0x28], [0x29, 0x29], [0x5c, 0x5c]] as const) ESCAPED[byte] = letter;

export function actualTextSpan(text: string, ops: string): Buffer {
  if (text === '') return Buffer.concat([EMPTY, Buffer.from(ops, 'latin1'), END]);
  // ASCII as it is; anything else as UTF-16BE with a byte order mark (PDF text strings).
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const raw = ascii ? Buffer.from(text, 'latin1') : Buffer.concat([BOM, Buffer.from(text, 'utf16le').swap16()]);
  let escapes = 0;
  for (let i = 0; i < raw.length; i++) if (ESCAPED[raw[i]!] !== 0) escapes++;
  let literal = raw;
  if (escapes > 0) {
    literal = Buffer.allocUnsafe(raw.length + escapes);
    let k = 0;
    for (let i = 0; i < raw.length; i++) {
      const b = raw[i]!;
      const e = ESCAPED[b]!;
      if (e !== 0) {
        literal[k++] = 0x5c;
        literal[k++] = e;
      } else literal[k++] = b;
    }
  }
  return Buffer.concat([BEGIN, literal, MIDDLE, Buffer.from(ops, 'latin1'), END]);
}
