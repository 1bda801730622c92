/**
 * The ActualText span around each line is written as bytes by us; it must be exactly what
 * pdfkit's markContent('Span', { actual }) … endMarkedContent() writes, for ASCII, for Chinese
 * (UTF-16 code units whose bytes are '(' ')' '\' or a line feed) and for characters beyond the BMP.
 */
import PDFDocument from 'pdfkit';
import { expect, it } from 'vitest';
import { writeActualTextSpan } from '../../src/pdf/actual-text.js';
import { ContentBytes } from '../../src/pdf/content-bytes.js';

/** What pdfkit writes for the span, as bytes. */
function pdfkitSpan(text: string, ops: string): Buffer {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false });
  doc.addPage();
  const d = doc as unknown as {
    markContent(tag: string, o: object): void; endMarkedContent(): void; addContent(s: string): void;
    page: { content: { buffer: Uint8Array[] } };
  };
  const before = d.page.content.buffer.length;
  d.markContent('Span', { actual: text });
  d.addContent(ops);
  d.endMarkedContent();
  return Buffer.concat(d.page.content.buffer.slice(before));
}

it('writes the same bytes as pdfkit for every kind of text', () => {
  const ops = 'BT\n/F1 9 Tf\n[<0001>] TJ\nET';
  const texts = [
    '1', 'Contents (2019) \\ a\tb', '上城区总工会（区总工会）', '丨乨䨨帨', '𠮷𰻝面', '“人形机器人编程体验”——2019年', '',
    String.fromCharCode(0x4e0a, 0x0a28, 0x5c29, 0x0d0a),
  ];
  for (const text of texts) {
    const out = new ContentBytes();
    writeActualTextSpan(out, text, () => out.latin1(ops));
    expect(out.take().toString('latin1'), text).toBe(pdfkitSpan(text, ops).toString('latin1'));
  }
});
