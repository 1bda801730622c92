/**
 * Test-side PDF reader: extracts per-glyph positions, fonts, page boxes,
 * document info and outline FROM THE PDF ITSELF, so end-to-end tests can check
 * what the typesetter really wrote (not what the layout engine believes it
 * wrote).
 *
 * Built on pdfjs-dist (legacy build, for Node). pdfjs's `getTextContent()`
 * merges glyphs into runs, so instead this module walks
 * `page.getOperatorList()` and re-implements the PDF text-positioning model
 * (ISO 32000-1 §9.4) itself: text matrix / line matrix, Tc, Tw, Tz, TL, Ts,
 * Tf, TJ adjustments, the CTM (cm, q/Q, form XObjects), producing one
 * {@link PdfGlyph} per shown glyph.
 *
 * Coordinate convention of everything returned here: PDF points, origin at the
 * TOP-LEFT corner of the page's visible box (CropBox ∩ MediaBox, i.e. pdfjs's
 * `page.view`, which is the MediaBox for pdfkit output), x grows right, y grows
 * DOWN. /Rotate is honoured (coordinates are those of the page as displayed).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One glyph as painted on the page. */
export interface PdfGlyph {
  /**
   * The glyph's text, from the font's /ToUnicode map (or pdfjs's fallback
   * encoding). Usually one character; may be several for a ligature glyph.
   * /ActualText of enclosing marked content is deliberately ignored.
   */
  char: string;
  /** Left edge of the glyph's advance box (= its origin for horizontal text), pt from the page's left edge. */
  x: number;
  /** Baseline (the glyph origin's y, text rise included), pt from the page's TOP edge, growing down. */
  y: number;
  /**
   * The glyph's OWN advance on the page, in pt: font width (/W or /Widths,
   * via the font matrix) × font size × horizontal scaling (Tz) × the text/CTM
   * scale. Character spacing (Tc), word spacing (Tw) and TJ kerning
   * adjustments are NOT included; they show up as the distance between one
   * glyph's `x + width` and the next glyph's `x`.
   */
  width: number;
  /** Effective font size in pt: Tf size × the vertical scale of (text matrix × CTM). */
  size: number;
  /** The PDF font's BaseFont name, subset tag included (e.g. 'ABCDEF+NotoSerifSC-Regular'). */
  font: string;
}

/** One page of the document. */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** Width of the page as displayed (CropBox ∩ MediaBox, rotation applied), pt. */
  width: number;
  /** Height of the page as displayed, pt. */
  height: number;
  /** Every glyph shown on the page (page content + form XObjects; annotations excluded), in content-stream order. */
  glyphs: PdfGlyph[];
  /**
   * Page boxes as raw PDF rectangles `[llx, lly, urx, ury]` (PDF user space,
   * y up). `MediaBox` is always present. `CropBox`, `BleedBox`, `TrimBox`,
   * `ArtBox` are present when the page dictionary itself has them (read from
   * the raw file bytes, see {@link readPdf}).
   */
  boxes: Record<string, number[]>;
  /** Images painted on the page: their bounding boxes in top-left page coordinates. */
  images: PdfImage[];
  /** The page's part of the structure tree (tagged PDF): roles and alternative texts, content ids left out. */
  structure: PdfStructNode | null;
  /** Link annotations to pages of this document: the area (top-left coordinates) and the target page (1-based). */
  links: { x: number; y: number; width: number; height: number; page: number | null }[];
}

export interface PdfStructNode {
  role: string;
  alt?: string;
  children: PdfStructNode[];
}

function simplifyStruct(node: unknown): PdfStructNode | null {
  const n = node as { role?: string; alt?: string; children?: unknown[] };
  if (!n || typeof n.role !== 'string') return null;
  const children = (n.children ?? []).map(simplifyStruct).filter((c): c is PdfStructNode => c !== null);
  return { role: n.role, ...(n.alt ? { alt: n.alt } : {}), children };
}

/** An image's bounding box on the page (pt, top-left origin, y down). */
export interface PdfImage {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A font used by text on some page. */
export interface PdfFontInfo {
  /** BaseFont name, subset tag included. */
  name: string;
  /** True when the font program is embedded in the PDF (pdfjs did not have to substitute it). */
  embedded: boolean;
  /** True when the name carries a subset tag: six uppercase letters and '+'. */
  subset: boolean;
  /**
   * Font program type as pdfjs classifies it, e.g. 'CIDFontType2' (TrueType
   * outlines in a Type0 font), 'TrueType', 'Type1', 'CIDFontType0', 'Type3';
   * 'error' when pdfjs failed to load the font (then `name` is pdfjs's id).
   */
  type: string;
  /** True for a composite (Type0) font. */
  composite: boolean;
}

/** One outline (bookmark) entry. */
export interface PdfOutlineItem {
  title: string;
  /** 1-based page number the item's destination resolves to; null when it has none (e.g. a URL action) or it can't be resolved. */
  page: number | null;
  children: PdfOutlineItem[];
}

/** Everything {@link readPdf} extracts. */
export interface PdfDocumentInfo {
  pages: PdfPage[];
  /** Fonts used by page text, one entry per PDF font object, in order of first use. */
  fonts: PdfFontInfo[];
  /**
   * The document information dictionary as pdfjs reports it (Title, Author,
   * Subject, Keywords, Creator, Producer, CreationDate as 'D:…' strings, plus
   * pdfjs's own PDFFormatVersion, IsLinearized, … and `Custom` for
   * non-standard keys).
   */
  info: Record<string, unknown>;
  outline: PdfOutlineItem[];
  /** Page labels as the PDF defines them (i, ii, 1, 2 …), one per page; page numbers as strings when it has none. */
  labels: string[];
}

// ---------------------------------------------------------------------------
// pdfjs setup

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const requireFromHere = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(requireFromHere.resolve('pdfjs-dist/package.json'));

let workerReady: Promise<void> | undefined;

/**
 * In Node, pdfjs always runs its "fake worker" in the main thread. It would
 * load it with a relative `import('./pdf.worker.mjs')`; we load it ourselves
 * and hand it over through `globalThis.pdfjsWorker`, which pdfjs checks first,
 * so this works whatever the module loader (vitest, tsx, plain node).
 */
function ensureWorker(): Promise<void> {
  workerReady ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    if (g.pdfjsWorker === undefined) {
      const spec: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      g.pdfjsWorker = (await import(spec)) as unknown;
    }
  })();
  return workerReady;
}

/** The parts of a pdfjs font object (commonObjs entry) we use. */
interface PdfjsFont {
  name?: string;
  loadedName?: string;
  missingFile?: boolean;
  isType3Font?: boolean;
  vertical?: boolean;
  fontMatrix?: ArrayLike<number>;
  defaultVMetrics?: ArrayLike<number>;
  type?: string;
  composite?: boolean;
}

/** The parts of a pdfjs operator-list glyph we use. */
interface PdfjsGlyph {
  unicode?: string;
  width?: number;
  vmetric?: ArrayLike<number> | null;
  isSpace?: boolean;
}

// ---------------------------------------------------------------------------
// Matrix helpers (PDF row-vector convention: p' = p × M).

/** m1 × m2: apply m1 first, then m2. */
function mul(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  const [a1, b1, c1, d1, e1, f1] = [m1[0]!, m1[1]!, m1[2]!, m1[3]!, m1[4]!, m1[5]!];
  const [a2, b2, c2, d2, e2, f2] = [m2[0]!, m2[1]!, m2[2]!, m2[3]!, m2[4]!, m2[5]!];
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

function toMatrix(v: unknown): Matrix | null {
  if (v == null || typeof v !== 'object' || !('length' in v)) return null;
  const a = v as ArrayLike<unknown>;
  if (a.length !== 6) return null;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const n = a[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
    out.push(n);
  }
  return out as Matrix;
}

// ---------------------------------------------------------------------------
// Content walking

/** Graphics-state part that q/Q saves: CTM and the text state parameters. */
interface GState {
  ctm: Matrix;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  fontId: string | null;
  fontSize: number;
}

interface FontCache {
  get(id: string): PdfjsFont | null;
}

/**
 * Walk one page's operator list and return its glyphs, plus the font ids met.
 *
 * `toPage` maps default user space (PDF, y up) to top-left page coordinates.
 */
function walkOperators(
  fnArray: number[],
  argsArray: unknown[],
  fonts: FontCache,
  toPage: Matrix,
  fontNameOf: (id: string) => string,
  fontsUsed: Set<string>,
  images: PdfImage[],
): PdfGlyph[] {
  const OPS = pdfjs.OPS;
  const glyphs: PdfGlyph[] = [];
  let gs: GState = {
    ctm: IDENTITY,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    fontId: null,
    fontSize: 0,
  };
  const stack: GState[] = [];
  // Text object state (not part of the graphics state per the PDF spec).
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;

  const save = (): void => {
    stack.push({ ...gs });
  };
  const restore = (): void => {
    const prev = stack.pop();
    if (prev) gs = prev;
  };
  const setFont = (id: unknown, size: unknown): void => {
    if (typeof id !== 'string' || typeof size !== 'number') return;
    gs.fontId = id;
    gs.fontSize = size;
    fontsUsed.add(id);
  };
  const moveText = (tx: number, ty: number): void => {
    tlm = mul([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };

  const showText = (items: unknown): void => {
    if (!Array.isArray(items) || gs.fontId === null) return;
    const font = fonts.get(gs.fontId);
    if (!font) return;
    const fontName = fontNameOf(gs.fontId);
    const fm = font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const fm0 = fm[0] ?? 0.001;
    const tfs = gs.fontSize;
    const th = gs.hScale;
    const vertical = font.vertical === true;
    const advScale = tfs * fm0; // glyph units -> text space units
    // Rendering matrix without the glyph offset: text space -> page space.
    for (const item of items) {
      if (typeof item === 'number') {
        // TJ adjustment, thousandths of text space units; positive moves left/up.
        const d = (-item / 1000) * tfs;
        if (vertical) tm = mul([1, 0, 0, 1, 0, d], tm);
        else tm = mul([1, 0, 0, 1, d * th, 0], tm);
        continue;
      }
      if (item == null || typeof item !== 'object') continue;
      const g = item as PdfjsGlyph;
      const w = typeof g.width === 'number' ? g.width : 0;
      const spacing = gs.charSpacing + (g.isSpace ? gs.wordSpacing : 0);
      const m = mul(tm, gs.ctm);
      const full = mul(m, toPage);
      let ox: number;
      let oy: number;
      let advance: number; // along the writing direction, text space
      if (!vertical) {
        ox = 0;
        oy = gs.rise;
        advance = w * advScale * th + spacing * th;
      } else {
        // Vertical writing: the horizontal origin sits at -(v) from the
        // vertical origin, v = (w1 or w0/2, vy) (mirrors pdfjs's canvas code).
        const vm = g.vmetric ?? font.defaultVMetrics ?? null;
        const vx = -(g.vmetric ? (g.vmetric[1] ?? w / 2) : w / 2) * advScale;
        const vy = (vm ? (vm[2] ?? 0) : 0) * advScale;
        ox = vx * th;
        oy = gs.rise - vy;
        const w1 = vm ? -(vm[0] ?? -1000) : w;
        advance = w1 * advScale - spacing;
      }
      const [px, py] = apply(full, ox, oy);
      const xScale = Math.hypot(full[0], full[1]);
      const yScale = Math.hypot(full[2], full[3]);
      glyphs.push({
        char: typeof g.unicode === 'string' ? g.unicode : '',
        x: px,
        y: py,
        width: w * advScale * th * xScale,
        size: Math.abs(tfs) * yScale,
        font: fontName,
      });
      if (vertical) tm = mul([1, 0, 0, 1, 0, -advance], tm);
      else tm = mul([1, 0, 0, 1, advance, 0], tm);
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const raw = argsArray[i];
    const args: unknown[] = Array.isArray(raw) ? raw : [];
    switch (fn) {
      case OPS.save:
        save();
        break;
      case OPS.restore:
        restore();
        break;
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) gs.ctm = mul(m, gs.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        save();
        const m = toMatrix(args[0]);
        if (m) gs.ctm = mul(m, gs.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        restore();
        break;
      case OPS.beginGroup:
        save();
        break;
      case OPS.endGroup:
        restore();
        break;
      case OPS.setGState:
        if (Array.isArray(args[0])) {
          for (const entry of args[0] as unknown[]) {
            if (Array.isArray(entry) && entry[0] === 'Font' && Array.isArray(entry[1])) {
              setFont(entry[1][0], entry[1][1]);
            }
          }
        }
        break;
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.endText:
        break;
      case OPS.setCharSpacing:
        if (typeof args[0] === 'number') gs.charSpacing = args[0];
        break;
      case OPS.setWordSpacing:
        if (typeof args[0] === 'number') gs.wordSpacing = args[0];
        break;
      case OPS.setHScale:
        if (typeof args[0] === 'number') gs.hScale = args[0] / 100;
        break;
      case OPS.setLeading:
        if (typeof args[0] === 'number') gs.leading = args[0];
        break;
      case OPS.setTextRise:
        if (typeof args[0] === 'number') gs.rise = args[0];
        break;
      case OPS.setFont:
        setFont(args[0], args[1]);
        break;
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        gs.leading = -(Number(args[1]) || 0);
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setTextMatrix: {
        const m = toMatrix(args[0]) ?? toMatrix(args);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case OPS.nextLine:
        moveText(0, -gs.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText(args[0]);
        break;
      // pdfjs's evaluator rewrites ' and " into nextLine (+ spacing) + showText;
      // these cases only guard against a future change of that.
      case OPS.nextLineShowText:
        moveText(0, -gs.leading);
        showText(args[0]);
        break;
      case OPS.nextLineSetSpacingShowText:
        if (typeof args[0] === 'number') gs.wordSpacing = args[0];
        if (typeof args[1] === 'number') gs.charSpacing = args[1];
        moveText(0, -gs.leading);
        showText(args[2]);
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject: {
        // An image fills the unit square of its CTM.
        const m = mul(gs.ctm, toPage);
        const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        images.push({ x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
        break;
      }
      default:
        break;
    }
  }
  return glyphs;
}

// ---------------------------------------------------------------------------
// Raw page-box parsing (pdfjs exposes only the CropBox∩MediaBox "view").

const BOX_NAMES = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox'] as const;

/**
 * Find the (last) definition `num gen obj … endobj` of the page object in the
 * raw file and read direct box arrays from it. Objects stored in compressed
 * object streams, or boxes given as indirect references, are not found; the
 * result then lacks those keys.
 */
function rawPageBoxes(raw: string, num: number, gen: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const re = new RegExp(`(?:^|[^0-9])${num}\\s+${gen}\\s+obj\\b`, 'g');
  let start = -1;
  for (const m of raw.matchAll(re)) start = m.index + m[0].length;
  if (start < 0) return out;
  const end = raw.indexOf('endobj', start);
  const body = raw.slice(start, end < 0 ? undefined : end);
  for (const name of BOX_NAMES) {
    const m = new RegExp(`/${name}\\s*\\[([^\\]]*)\\]`).exec(body);
    if (!m || m[1] === undefined) continue;
    const nums = m[1].trim().split(/\s+/).map(Number);
    if (nums.length === 4 && nums.every((n) => Number.isFinite(n))) out[name] = nums;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Outline

interface PdfjsOutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: PdfjsOutlineNode[];
}

async function resolveDestPage(doc: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const target: unknown = explicit[0];
    if (typeof target === 'number' && Number.isInteger(target)) return target + 1;
    if (target && typeof target === 'object' && 'num' in target && 'gen' in target) {
      const idx = await doc.getPageIndex(target as { num: number; gen: number });
      return idx + 1;
    }
  } catch {
    // unresolved destination
  }
  return null;
}

async function convertOutline(doc: PDFDocumentProxy, nodes: PdfjsOutlineNode[] | null): Promise<PdfOutlineItem[]> {
  if (!nodes) return [];
  const out: PdfOutlineItem[] = [];
  for (const node of nodes) {
    out.push({
      title: node.title,
      page: await resolveDestPage(doc, node.dest),
      children: await convertOutline(doc, node.items),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Public API

const SUBSET_TAG = /^[A-Z]{6}\+/;

/**
 * Read a PDF file (path or bytes) and extract pages with per-glyph positions,
 * fonts, info dictionary and outline.
 *
 * - Glyphs: from `page.getOperatorList()` with annotations disabled, walked
 *   with our own text-state machine (see module doc); pdfjs only supplies the
 *   decoded glyphs (unicode via ToUnicode, width in glyph units) and fonts.
 * - Fonts: the pdfjs font objects (`page.commonObjs`) referenced by setFont
 *   ops (and ExtGState /Font). `embedded` = `!missingFile`, i.e. pdfjs found
 *   a font program in the file (Type3 fonts count as embedded); this is only
 *   reliable because no `standardFontDataUrl` is given to pdfjs, see below.
 *   `subset` = BaseFont has the `ABCDEF+` tag.
 * - Boxes: MediaBox/CropBox/BleedBox/TrimBox/ArtBox parsed from the page
 *   object in the raw bytes (pdfjs does not expose them); if the page's own
 *   dictionary has no parsable MediaBox (inherited, or object-stream
 *   compressed), `page.view` is used for it.
 * - Outline: `getOutline()`; named destinations resolved with
 *   `getDestination()`, pages with `getPageIndex()`, 1-based.
 *
 * The input bytes are copied; pdfjs transfers (detaches) the buffer it gets.
 */
export async function readPdf(file: string | Uint8Array): Promise<PdfDocumentInfo> {
  await ensureWorker();
  const source = typeof file === 'string' ? await readFile(file) : file;
  const bytes = new Uint8Array(source.byteLength);
  bytes.set(source);
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // separate copy: this one gets detached
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    fontExtraProperties: true, // keeps `type`/`composite` on font objects
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    // No standardFontDataUrl on purpose: with it, pdfjs substitutes its own
    // font program for non-embedded standard-14 fonts and then reports them
    // as not `missingFile`, i.e. "embedded". Widths of the standard 14 come
    // from pdfjs's built-in metrics either way.
    wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
  });
  try {
    const doc = await task.promise;
    const fontsById = new Map<string, PdfjsFont | null>();
    const fontOrder: string[] = [];
    const pages: PdfPage[] = [];

    for (let n = 1; n <= doc.numPages; n++) {
      const page: PDFPageProxy = await doc.getPage(n);
      const opList = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });

      // Fonts resolve asynchronously in commonObjs (after the op list may
      // already be complete): wait for every font the page sets.
      const used = new Set<string>();
      for (let i = 0; i < opList.fnArray.length; i++) {
        const fn = opList.fnArray[i];
        const args: unknown = opList.argsArray[i];
        if (fn === pdfjs.OPS.setFont && Array.isArray(args) && typeof args[0] === 'string') used.add(args[0]);
        if (fn === pdfjs.OPS.setGState && Array.isArray(args) && Array.isArray(args[0])) {
          for (const e of args[0] as unknown[]) {
            if (Array.isArray(e) && e[0] === 'Font' && Array.isArray(e[1]) && typeof e[1][0] === 'string') used.add(e[1][0]);
          }
        }
      }
      for (const id of used) {
        if (fontsById.has(id)) continue;
        const obj = await new Promise<unknown>((resolve) => {
          page.commonObjs.get(id, resolve);
        });
        // A failed font load resolves to an error string, not a font object.
        fontsById.set(id, obj && typeof obj === 'object' ? (obj as PdfjsFont) : null);
      }

      const viewport = page.getViewport({ scale: 1 });
      const toPage = toMatrix(viewport.transform) ?? IDENTITY;
      const fontsUsed = new Set<string>();
      const images: PdfImage[] = [];
      const glyphs = walkOperators(
        opList.fnArray,
        opList.argsArray,
        { get: (id) => fontsById.get(id) ?? null },
        toPage,
        (id) => fontsById.get(id)?.name ?? id,
        fontsUsed,
        images,
      );
      for (const id of fontsUsed) if (!fontOrder.includes(id)) fontOrder.push(id);

      const boxes: Record<string, number[]> = page.ref ? rawPageBoxes(raw, page.ref.num, page.ref.gen) : {};
      boxes.MediaBox ??= Array.from(page.view);

      const links: PdfPage['links'] = [];
      for (const a of (await page.getAnnotations()) as { subtype: string; dest?: unknown; rect: number[] }[]) {
        if (a.subtype !== 'Link' || a.dest === undefined) continue;
        const [x0, y0, x1, y1] = a.rect as [number, number, number, number];
        links.push({ x: x0, y: viewport.height - y1, width: x1 - x0, height: y1 - y0, page: await resolveDestPage(doc, a.dest as string | unknown[]) });
      }
      const structure = simplifyStruct(await page.getStructTree());
      pages.push({ number: n, width: viewport.width, height: viewport.height, glyphs, boxes, images, links, structure });
      page.cleanup();
    }

    const fonts: PdfFontInfo[] = [];
    for (const id of fontOrder) {
      const f = fontsById.get(id);
      if (!f) {
        // pdfjs could not load the font (its glyphs are then missing too).
        fonts.push({ name: id, embedded: false, subset: false, type: 'error', composite: false });
        continue;
      }
      const name = f.name ?? f.loadedName ?? id;
      fonts.push({
        name,
        embedded: f.isType3Font === true || f.missingFile === false,
        subset: SUBSET_TAG.test(name),
        type: f.isType3Font ? 'Type3' : (f.type ?? 'unknown'),
        composite: f.composite === true,
      });
    }

    const meta = await doc.getMetadata();
    const info: Record<string, unknown> = { ...(meta.info as Record<string, unknown>) };
    const outline = await convertOutline(doc, (await doc.getOutline()) as PdfjsOutlineNode[] | null);

    const labels = (await doc.getPageLabels()) ?? pages.map((p) => String(p.number));
    return { pages, fonts, info, outline, labels };
  } finally {
    await task.destroy();
  }
}

/**
 * Group glyphs into lines.
 *
 * Rule:
 * 1. Glyphs are sorted by baseline `y`, then `x`. Walking that order, a glyph
 *    joins the current baseline group when its `y` is within `tol` pt of the
 *    group's FIRST glyph's `y`; otherwise it starts a new group.
 * 2. Within a group, glyphs are sorted by `x`, and the group is split wherever
 *    the horizontal gap between one glyph's right edge (`x + width`) and the
 *    next glyph's `x` exceeds `maxGapEm` × the larger of the two glyphs'
 *    sizes (default 1 em) — so two columns sharing a baseline give two lines.
 * 3. Result: groups top-to-bottom; segments of one baseline left-to-right.
 *    (For column reading order, filter the glyphs by column `x` range first.)
 *
 * @param tol baseline tolerance in pt (default 1)
 * @param maxGapEm largest gap, in em, still considered inside one line (default 1)
 */
export function linesOf(glyphs: PdfGlyph[], tol = 1, maxGapEm = 1): PdfGlyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfGlyph[][] = [];
  let current: PdfGlyph[] = [];
  let anchorY = Number.NaN;
  for (const g of sorted) {
    if (current.length > 0 && Math.abs(g.y - anchorY) <= tol) {
      current.push(g);
    } else {
      if (current.length > 0) groups.push(current);
      current = [g];
      anchorY = g.y;
    }
  }
  if (current.length > 0) groups.push(current);

  const lines: PdfGlyph[][] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let line: PdfGlyph[] = [];
    let prev: PdfGlyph | undefined;
    for (const g of group) {
      if (prev && g.x - (prev.x + prev.width) > maxGapEm * Math.max(prev.size, g.size)) {
        lines.push(line);
        line = [];
      }
      line.push(g);
      prev = g;
    }
    if (line.length > 0) lines.push(line);
  }
  return lines;
}

/** Concatenate the glyphs' chars in the given order (no separators added). */
export function textOf(glyphs: PdfGlyph[]): string {
  return glyphs.map((g) => g.char).join('');
}

/** Convenience: `linesOf(glyphs, tol, maxGapEm).map(textOf)`. */
export function lineTextsOf(glyphs: PdfGlyph[], tol?: number, maxGapEm?: number): string[] {
  return linesOf(glyphs, tol, maxGapEm).map(textOf);
}
