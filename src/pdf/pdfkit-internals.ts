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
  /** The page's key in the document's structure parent tree (a tagged PDF). */
  structParentTreeKey: number;
}

export interface PdfkitInternals {
  _font: PdfkitEmbeddedFont;
  page: PdfkitPage;
  /** Operators for the page's content stream: a string (pdfkit ends it with a line break) or bytes as they are. */
  addContent(op: string | Uint8Array): unknown;
  /** A font (here fontkit's, with our subset: truetype-subset.ts) under a name for `font(name)`. */
  registerFont(name: string, src: unknown): void;
  /** PDF/A conformance level of the fonts' subsets ('B' by default; 'U' when every glyph maps to Unicode). */
  subset_conformance: string;
  /** A separation colour (the printer's registration colour 'All'). */
  addSpotColor(name: string, c: number, m: number, y: number, k: number): void;
  /** A named destination on the current page. */
  addNamedDestination(name: string, ...args: unknown[]): void;
  /** A new indirect object holding `data`, written when ended. */
  ref(data?: object): PdfkitReference;
}

/** An indirect object: its dictionary, and its stream's bytes given to `end` (deflated if the dictionary names no filter). */
export interface PdfkitReference {
  data: Record<string, unknown>;
  end(stream?: Uint8Array): void;
  /** The document it is written to: `_write` writes a string (and a line break) or bytes. */
  document: { _write(chunk: string | Uint8Array): void };
}

/**
 * End `ref`, whose dictionary names the stream's filter, with a stream of `length` bytes that
 * `pieces` gives, written as they come. pdfkit's `end(bytes)` would first join the pieces
 * into a new buffer, even a single one: for a print-size photo 5 MB allocated, zeroed and
 * copied (about 8 ms), and that memory made V8 collect its old generation every few photos.
 * pdfkit's `end()` without a stream writes "N 0 obj", the dictionary and "endobj"; the stream
 * goes in before "endobj", with the bytes pdfkit writes around one.
 */
export function endStream(ref: PdfkitReference, pieces: Iterable<Uint8Array>, length: number): void {
  const doc = ref.document;
  const write = doc._write;
  ref.data.Length = length;
  doc._write = (chunk) => {
    if (chunk === 'endobj') {
      write.call(doc, 'stream');
      for (const piece of pieces) write.call(doc, piece);
      write.call(doc, '\nendstream');
    }
    write.call(doc, chunk);
  };
  try {
    ref.end();
  } finally {
    doc._write = write;
  }
}

/** The images a document has opened, by the path they were opened with, and how many it has numbered (I1, I2, …). */
export interface PdfkitImages {
  _imageRegistry: Record<string, unknown>;
  _imageCount: number;
  /** pdfkit's image object for the picture in `data`, numbered, registered under no name. */
  openImage(data: Uint8Array): unknown;
  ref(data?: object): PdfkitReference;
}

/** pdfkit's reading of a JPEG's header (its own JPEG image object), with the bytes it was read from. */
export interface PdfkitJpeg {
  data: Uint8Array;
  bits: number;
  width: number;
  height: number;
  /** Undefined for a number of colour components PDF has no colour space for. */
  colorSpace: string | undefined;
  orientation: number;
}

/** The smallest JPEG pdfkit reads: start of image, a frame header (1 × 1, one component), end of image. */
const TINY_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xff, 0xd9]);
let Jpeg: (new (data: Uint8Array, label: string) => PdfkitJpeg) | undefined;

/**
 * pdfkit's reading of the JPEG header in `data`, which may be only the start of the file; it
 * throws where it finds no frame header. pdfkit does not export the class; it is taken, once
 * per process, from an image opened in a scratch document that is never written.
 */
export function readJpeg(data: Uint8Array): PdfkitJpeg {
  if (!Jpeg) {
    const scratch = new PDFDocument({ font: null as unknown as string }) as unknown as PdfkitImages;
    Jpeg = (scratch.openImage(TINY_JPEG) as { constructor: NonNullable<typeof Jpeg> }).constructor;
  }
  return new Jpeg(data, '');
}

/** A structure element of a tagged PDF. */
export interface PdfkitStructure {
  /** The element's own object in the file. */
  dictionary: unknown;
  add(child: unknown): PdfkitStructure;
  end(): void;
}

/** Marked content an element holds: a page's object and a marked-content id each. */
export interface PdfkitStructureContent {
  refs: { pageRef: unknown; mcid: number }[];
}

/** What the structure tree is built with (tags.ts). */
export interface PdfkitTagging {
  page: PdfkitPage;
  /** The marked-content parents of each page, by its `structParentTreeKey`; an element's add() fills its slot. */
  getStructParentTree(): { get(key: number): unknown[] };
  struct(type: string, options?: object): PdfkitStructure;
  addStructure(s: PdfkitStructure): void;
  markStructureContent(tag: string, options?: object): unknown;
  markContent(tag: string, options?: object): void;
  endMarkedContent(): void;
}

/**
 * How pdfkit hands out the file's bytes: pushed into its Readable stream as they are made,
 * null at the end; `_waiting` counts the objects begun and not yet written.
 */
export interface PdfkitOutput {
  read(): Buffer | null;
  push(chunk: Uint8Array | null): boolean;
  /** Write an object's text (with a line end after it) or bytes, counting them in `_offset` for the cross-reference table. */
  _write(data: string | Uint8Array): void;
  _offset: number;
  _waiting: number;
}

/** The document's page tree and outline, as the PDF writer reorders them (writeFront), its named destinations and page labels. */
export interface PdfkitTrees {
  _root: { data: { Pages: { data: { Kids: unknown[] } }; Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } }; PageLabels?: unknown } };
  outline: { children: unknown[] };
}

let StructureContent: (new (pageRef: unknown, mcid: number) => PdfkitStructureContent) | undefined;

/**
 * pdfkit's marked-content reference to a page (`PDFStructureContent`), which a structure
 * element takes as a child. pdfkit does not export the class; it is taken, once per process,
 * from one made in a scratch document that is never written.
 */
export function structureContent(pageRef: unknown, mcid: number): PdfkitStructureContent {
  if (!StructureContent) {
    const scratch = new PDFDocument({ font: null as unknown as string, tagged: true }) as unknown as PdfkitTagging;
    StructureContent = (scratch.markStructureContent('P') as { constructor: new (pageRef: unknown, mcid: number) => PdfkitStructureContent }).constructor;
  }
  return new StructureContent(pageRef, mcid);
}
