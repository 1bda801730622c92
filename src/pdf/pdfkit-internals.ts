/**
 * The parts of pdfkit 0.20.2's internals that the PDF writer relies on (pdfkit ships no
 * types, and @types/pdfkit does not cover these). pdfkit is pinned exactly in package.json.
 */
import PDFDocument from 'pdfkit';

export interface PdfkitEmbeddedFont {
  id: string;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

export interface PdfkitPage {
  height: number;
  fonts: Record<string, unknown>;
  dictionary: { data: Record<string, unknown> };
  /** The page's content stream: its pieces so far, deflated when the page ends if `compress`. */
  content: { buffer: Uint8Array[]; compress: boolean };
}

export interface PdfkitInternals {
  _font: PdfkitEmbeddedFont;
  page: PdfkitPage;
  /** Operators for the page's content stream: a string (pdfkit ends it with a line break) or bytes as they are. */
  addContent(op: string | Uint8Array): unknown;
}

/**
 * How pdfkit hands out the file's bytes: pushed into its Readable stream as they are made,
 * null at the end; `_waiting` counts the objects begun and not yet written.
 */
export interface PdfkitOutput {
  read(): Buffer | null;
  push(chunk: Uint8Array | null): boolean;
  _waiting: number;
}

/** The document's page tree and outline, as the PDF writer reorders them (writeFront), and its named destinations. */
export interface PdfkitTrees {
  _root: { data: { Pages: { data: { Kids: unknown[] } }; Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } };
  outline: { children: unknown[] };
}

let StructureContent: (new (pageRef: unknown, mcid: number) => unknown) | undefined;

/**
 * pdfkit's marked-content reference to a page (`PDFStructureContent`), which a structure
 * element takes as a child. pdfkit does not export the class; it is taken, once per process,
 * from one made in a scratch document that is never written.
 */
export function structureContent(pageRef: unknown, mcid: number): unknown {
  StructureContent ??= (new PDFDocument({ font: null as unknown as string, tagged: true }) as unknown as {
    markStructureContent(tag: string): { constructor: new (pageRef: unknown, mcid: number) => unknown };
  }).markStructureContent('P').constructor;
  return new StructureContent(pageRef, mcid);
}
