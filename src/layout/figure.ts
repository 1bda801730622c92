/**
 * A figure block: image, caption and credit, sized to whole grid lines so that the text
 * after it returns to the grid (clreq GR-5). The image keeps its aspect ratio.
 */
import type { Figure } from '../model/document.js';
import type { Template } from '../template/template.js';
import type { SetLine } from '../typeset/types.js';
import type { FlowBuilder } from './flow.js';

export interface FigureBlock {
  figure: Figure;
  /** 'page' spans both columns; 'inset' sits at the column's foot corner with text running beside it. */
  span: 'column' | 'page' | 'inset';
  width: number;
  imageWidth: number;
  imageHeight: number;
  /** Grid lines the image takes (the image is drawn at the top of them). */
  imageSlots: number;
  captionSize: number;
  caption: SetLine[];
  credit: SetLine | undefined;
  /** Grid lines of blank space between the block and the text. */
  gapSlots: number;
  /** Total grid lines across the column (for an inset: its caption and credit under the image). */
  slots: number;
  /** Inset only: grid lines beside which the text runs on shortened lines (a gap line and the image). */
  besideSlots: number;
  /** Inset only: the measure of the text lines beside the image, in body em. */
  besideMeasure: number;
}

/** A figure never takes more than this share of a column's height. */
const MAX_HEIGHT_SHARE = 0.45;

export function figureBlock(figure: Figure, template: Template, builder: FlowBuilder): FigureBlock {
  const g = template.grid;
  const span = figure.size === 'page' && g.columns > 1 ? 'page' : figure.size === 'inset' ? 'inset' : 'column';
  const width = span === 'page' ? template.areaWidth : template.measure;
  // An inset image is inset_width_chars wide less one character of space towards the text.
  const frameWidth = span === 'inset' ? (template.figures.inset_width_chars - 1) * g.body_size : width;
  const { width: pw, height: ph } = figure.pixels;
  const aspect = pw && ph ? ph / pw : 2 / 3;
  let imageWidth = frameWidth;
  let imageHeight = frameWidth * aspect;
  const maxHeight = template.areaHeight * MAX_HEIGHT_SHARE;
  if (imageHeight > maxHeight) {
    imageHeight = maxHeight;
    imageWidth = imageHeight / aspect;
  }
  const imageSlots = Math.ceil((imageHeight + 2) / g.line_pitch);
  const size = template.figures.caption_size;
  const measure = Math.floor(width / size);
  const caption = builder.compose([{ text: figure.caption, role: 'caption' }], builder.options(size, measure, 0, 'center'), figure.source);
  const creditText = figure.credit ? `（${figure.credit}\u3000${figure.creditRole}）` : undefined;
  const credit = creditText
    ? builder.compose([{ text: creditText, role: 'caption' }], builder.options(size, measure, 0, 'end', false), figure.source)[0]
    : undefined;
  const gapSlots = template.figures.gap_lines;
  const captionSlots = caption.length + (credit ? 1 : 0);
  if (span === 'inset') {
    return {
      figure, span, width, imageWidth, imageHeight, imageSlots, captionSize: size, caption, credit, gapSlots,
      slots: captionSlots, besideSlots: gapSlots + imageSlots, besideMeasure: g.chars_per_line - template.figures.inset_width_chars,
    };
  }
  const slots = gapSlots + imageSlots + captionSlots;
  return { figure, span, width, imageWidth, imageHeight, imageSlots, captionSize: size, caption, credit, gapSlots, slots, besideSlots: 0, besideMeasure: 0 };
}
