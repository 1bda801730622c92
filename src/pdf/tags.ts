/**
 * Tagged PDF: a structure tree in reading order (column by column, as the pages are drawn),
 * with 类目 and 分目 titles as headings, paragraphs whose lines run across columns and pages
 * as one P each, figures with their caption as alternative text, and running heads and folios
 * as pagination artifacts, so screen readers and text extraction follow the printed page.
 * A book's front matter, written after the body (it shows the body's page numbers), goes into
 * a Part of its own placed before the body's Part, so the tree still follows the page order.
 */
import type { PageLine } from '../layout/types.js';
import type { ContentBytes } from './content-bytes.js';
import { structureContent, type PdfkitStructure as Structure, type PdfkitStructureContent, type PdfkitTagging } from './pdfkit-internals.js';

const EMC = Buffer.from('EMC\n', 'latin1');
const PAGINATION = Buffer.from('/Artifact <<\n/Type /Pagination\n>> BDC\n', 'latin1');

const ROLE: Record<PageLine['kind'], string | undefined> = {
  body: 'P', byline: 'P', box: 'P', heading: 'H2', title: 'H1', caption: 'Caption', credit: 'Caption',
  'running-head': undefined, folio: undefined,
};
/** What opens a line's marked content before its MCID (`/P <<\n/MCID `), by role, and what follows the MCID. */
const MARK = new Map(Object.values(ROLE).filter((r) => r !== undefined).map((r) => [r, Buffer.from(`/${r} <<\n/MCID `, 'latin1')]));
const MARK_END = Buffer.from('\n>> BDC\n', 'latin1');

export class Tagger {
  private readonly doc: PdfkitTagging;
  private readonly root: Structure;
  private readonly parts: { front: Structure; body: Structure } | undefined;
  /** Where new structure elements go: the document, or the front matter's or the body's Part. */
  private parent: Structure;
  /**
   * The elements of the lines written so far, by their key, each with the marked content it
   * holds: one list of (page, id) for all of an element's lines, where a marked-content object
   * for each line lived until the element ended (3 MB of the N=40 book's promoted objects).
   */
  private readonly elements = new Map<string, { element: Structure; content: PdfkitStructureContent | undefined }>();

  constructor(doc: PDFKit.PDFDocument, withFrontMatter: boolean) {
    this.doc = doc as unknown as PdfkitTagging;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.parent = this.root;
    if (withFrontMatter) {
      this.parts = { front: this.doc.struct('Part'), body: this.doc.struct('Part') };
      this.root.add(this.parts.front).add(this.parts.body);
      this.parent = this.parts.body;
    }
  }

  /** Tag what follows as front matter. */
  front(): void {
    if (!this.parts) throw new Error('this PDF was opened without front matter');
    this.parent = this.parts.front;
  }

  /** Tag what follows as the body (the default). */
  body(): void {
    this.parent = this.parts?.body ?? this.root;
  }

  /**
   * Write a line into `out` (what `writeOps` writes) inside its structure element's marked
   * content, the element made on first use, or as a pagination artifact. The same bytes and
   * bookkeeping as pdfkit's markStructureContent … endMarkedContent, done here because a page's
   * lines are written as one piece: pdfkit converts a dictionary and makes a buffer for every
   * marker, and keeps each marker until the page is done.
   */
  line(line: PageLine, out: ContentBytes, writeOps: () => void): void {
    const role = ROLE[line.kind];
    if (!role || !line.struct) {
      out.bytes(PAGINATION);
      writeOps();
      out.bytes(EMC);
      return;
    }
    let held = this.elements.get(line.struct);
    if (!held) {
      held = { element: this.doc.struct(role), content: undefined };
      this.parent.add(held.element);
      this.elements.set(line.struct, held);
    }
    // The page's next marked-content id, and its slot in the parent tree: the element.
    const page = this.doc.page;
    const parents = this.doc.getStructParentTree().get(page.structParentTreeKey);
    const mcid = parents.length;
    parents.push(held.element.dictionary);
    out.bytes(MARK.get(role)!);
    out.number(mcid);
    out.bytes(MARK_END);
    writeOps();
    out.bytes(EMC);
    if (held.content) held.content.refs.push({ pageRef: page.dictionary, mcid });
    else held.element.add((held.content = structureContent(page.dictionary, mcid)));
  }

  /**
   * End the structure elements of the lines written so far: pdfkit then writes each into the
   * file and lets go of its marked-content references, which would otherwise live to the end
   * of the build, one for every line of the book. Called once the pages of a 类目 (or the front
   * matter, or the index) are written: no paragraph runs on from them into later pages.
   */
  endElements(): void {
    for (const { element } of this.elements.values()) element.end();
    this.elements.clear();
  }

  /** Draw an image as a Figure whose alternative text is its caption. */
  image(caption: string, draw: () => void): void {
    const figure = this.doc.struct('Figure', { alt: caption });
    this.parent.add(figure);
    const content = this.doc.markStructureContent('Figure');
    draw();
    this.doc.endMarkedContent();
    figure.add(content);
  }

  /** Rules, frames and other decoration. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  end(): void {
    this.root.end();
  }
}
