/**
 * Colour for each kind of output. Print: text and rules in process black, K only, set to
 * overprint (no white halo when the plates shift). Archive (PDF/A with an sRGB output
 * intent): plain RGB black, since DeviceCMYK would need a CMYK output intent.
 */
import type { PdfkitInternals } from './pdfkit-internals.js';

export type Colour = [number, number, number] | [number, number, number, number];

export interface ColourScheme {
  black: Colour;
  /** Light tint behind the 资料 box. */
  tint: Colour;
  /** Called on each page before text and rules are drawn. */
  beginInk(doc: PDFKit.PDFDocument): void;
}

export function printColours(): ColourScheme {
  let overprint: unknown;
  return {
    black: [0, 0, 0, 100],
    tint: [0, 0, 0, 6],
    beginInk(doc) {
      const d = doc as unknown as PdfkitInternals & { page: { ext_gstates: Record<string, unknown> } };
      if (!overprint) {
        const ref = d.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
        ref.end();
        overprint = ref;
      }
      d.page.ext_gstates.GsOP = overprint;
      d.addContent('/GsOP gs');
    },
  };
}

export function screenColours(): ColourScheme {
  return { black: [0, 0, 0], tint: [242, 242, 242], beginInk: () => {} };
}
