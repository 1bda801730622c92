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
}

/** The images a document has opened, by the path they were opened with, and how many it has numbered (I1, I2, …). */
export interface PdfkitImages {
  _imageRegistry: Record<string, unknown>;
  _imageCount: number;
  ref(data?: object): PdfkitReference;
}

/** A structure element of a tagged PDF. */
export interface PdfkitStructure {
  add(child: unknown): PdfkitStructure;
  end(): void;
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
  _waiting: number;
}

/** The document's page tree and outline, as the PDF writer reorders them (writeFront), its named destinations and page labels. */
export interface PdfkitTrees {
  _root: { data: { Pages: { data: { Kids: unknown[] } }; Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } }; PageLabels?: unknown } };
  outline: { children: unknown[] };
}

let StructureContent: (new (pageRef: unknown, mcid: number) => unknown) | undefined;

/**
 * pdfkit's marked-content reference to a page (`PDFStructureContent`), which a structure
 * element takes as a child. pdfkit does not export the class; it is taken, once per process,
 * from one made in a scratch document that is never written.
 */
export function structureContent(pageRef: unknown, mcid: number): unknown {
  if (!StructureContent) {
    const scratch = new PDFDocument({ font: null as unknown as string, tagged: true }) as unknown as PdfkitTagging;
    StructureContent = (scratch.markStructureContent('P') as { constructor: new (pageRef: unknown, mcid: number) => unknown }).constructor;
  }
  return new StructureContent(pageRef, mcid);
}
