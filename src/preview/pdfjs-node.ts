/**
 * pdfjs-dist (legacy build) set up to draw pages in Node onto @napi-rs/canvas canvases.
 *
 * pdfjs draws glyphs itself, as paths (Path2D) built from the embedded TrueType subsets
 * (`disableFontFace: true`, there being no CSS font loading in Node), so Chinese text
 * renders with the book's own fonts and no system font is needed.
 *
 * Path2D, DOMMatrix and ImageData objects must come from the same native canvas module as
 * the canvases they are drawn on: drawing one of another copy crashes the process. pdfjs-dist
 * requires @napi-rs/canvas in the version range it names, and installs its classes as globals
 * where there are none. Our dependency is pinned to a version in that range, so npm installs
 * one copy, loaded once (each copy is a native library of some 30 MB, about 0.2 s to load).
 * Should pdfjs still get a copy of its own (a pdfjs-dist naming another range), the globals
 * are installed from ours before pdfjs is loaded, and every canvas pdfjs asks for (for masks,
 * patterns, groups) is made by that same module; and if pdfjs was loaded earlier in this
 * process (so its copy's classes are the globals), its copy is used for the canvases instead.
 *
 * The worker runs in this thread (pdfjs's "fake worker"), loaded by us and handed over in
 * `globalThis.pdfjsWorker`, so it works whatever the module loader; messages are errors only.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as napiCanvas from '@napi-rs/canvas';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type CanvasModule = typeof napiCanvas;
export type NodeCanvas = napiCanvas.Canvas;

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

interface Loaded {
  pdfjs: Pdfjs;
  canvas: CanvasModule;
}

let loading: Promise<Loaded> | undefined;

/** The canvas module whose classes are (or now become) the globals pdfjs draws with. */
function canvasModule(): CanvasModule {
  const g = globalThis as Record<string, unknown>;
  if (g.Path2D === undefined) {
    g.DOMMatrix = napiCanvas.DOMMatrix;
    g.Path2D = napiCanvas.Path2D;
    g.ImageData = napiCanvas.ImageData;
    return napiCanvas;
  }
  if (g.Path2D === napiCanvas.Path2D) return napiCanvas;
  try {
    const fromPdfjs = createRequire(path.join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs'))('@napi-rs/canvas') as CanvasModule;
    if (g.Path2D === fromPdfjs.Path2D) return fromPdfjs;
  } catch {
    // pdfjs-dist has no canvas module of its own: fall through
  }
  throw new Error('another canvas library has installed Path2D in this process: pages cannot be drawn here');
}

export function loadPdfjs(): Promise<Loaded> {
  loading ??= (async () => {
    const canvas = canvasModule();
    const pdfjs: Pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    if (g.pdfjsWorker === undefined) {
      const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      g.pdfjsWorker = (await import(worker)) as unknown;
    }
    return { pdfjs, canvas };
  })();
  return loading;
}

interface CanvasAndContext {
  canvas: NodeCanvas | null;
  context: ReturnType<NodeCanvas['getContext']> | null;
}

/** pdfjs's CanvasFactory interface, on the chosen canvas module. */
function canvasFactory(canvas: CanvasModule) {
  return class NapiCanvasFactory {
    create(width: number, height: number): CanvasAndContext {
      if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
      const c = canvas.createCanvas(width, height);
      return { canvas: c, context: c.getContext('2d') };
    }

    reset(entry: CanvasAndContext, width: number, height: number): void {
      if (!entry.canvas) throw new Error('Canvas is not specified');
      if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
      entry.canvas.width = width;
      entry.canvas.height = height;
    }

    destroy(entry: CanvasAndContext): void {
      if (!entry.canvas) throw new Error('Canvas is not specified');
      entry.canvas.width = 0;
      entry.canvas.height = 0;
      entry.canvas = null;
      entry.context = null;
    }
  };
}

/** Open a PDF (its bytes are copied: pdfjs detaches the buffer it is given). */
export async function openPdf(bytes: Uint8Array) {
  const { pdfjs, canvas } = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    CanvasFactory: canvasFactory(canvas),
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
  });
  return { task, doc: await task.promise, pdfjs, canvas };
}

export type PdfDocument = Awaited<ReturnType<typeof openPdf>>['doc'];
