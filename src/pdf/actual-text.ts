/**
 * A line's text operators inside a marked-content span whose ActualText is the line's source
 * text (ISO 32000-1 §14.9.4), as the bytes of the content stream: text extraction then gives
 * the source text exactly, also on stretched lines and where —— is drawn as a rule.
 *
 * The same bytes as pdfkit's markContent('Span', { actual }) … endMarkedContent() write, made
 * here because the page's text is written line by line in one go: pdfkit builds a dictionary
 * object, converts it and turns the string into bytes a character at a time, for every line.
 */
import type { ContentBytes } from './content-bytes.js';

const BEGIN = Buffer.from('/Span <<\n/ActualText (', 'latin1');
const MIDDLE = Buffer.from(')\n>> BDC\n', 'latin1');
const END = Buffer.from('\nEMC\n', 'latin1');
const BOM = Buffer.from([0xfe, 0xff]);
/** A span without text (pdfkit leaves an empty ActualText out). */
const EMPTY = Buffer.from('/Span <<\n>> BDC\n', 'latin1');

/** The span with `text` as its ActualText, around the operators that `writeOps` writes. */
export function writeActualTextSpan(out: ContentBytes, text: string, writeOps: () => void): void {
  if (text === '') {
    out.bytes(EMPTY);
  } else {
    out.bytes(BEGIN);
    // ASCII as it is; anything else as UTF-16BE with a byte order mark (PDF text strings).
    if (/^[\x00-\x7f]*$/.test(text)) {
      for (let i = 0; i < text.length; i++) out.literalByte(text.charCodeAt(i));
    } else {
      out.bytes(BOM);
      for (let i = 0; i < text.length; i++) out.literal16(text.charCodeAt(i));
    }
    out.bytes(MIDDLE);
  }
  writeOps();
  out.bytes(END);
}
