/**
 * A figure block: image, caption and credit, sized to whole grid lines so that the text
 * after it returns to the grid (clreq GR-5). The image keeps its aspect ratio.
 */
import { imageSize } from 'image-size';
import fs from 'node:fs';
import type { Figure } from '../model/document.js';
import type { Template } from '../template/template.js';
import type { SetLine } from '../typeset/types.js';
import type { FlowBuilder } from './flow.js';

export interface FigureBlock {
  figure: Figure;
  /** 'page' spans both columns. */
  span: 'column' | 'page';
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
  /** Total grid lines. */
  slots: number;
}

/** A figure never takes more than this share of a column's height. */
const MAX_HEIGHT_SHARE = 0.45;

export function figureBlock(figure: Figure, template: Template, builder: FlowBuilder): FigureBlock {
  const g = template.grid;
  const span = figure.size === 'page' && g.columns > 1 ? 'page' : 'column';
  const width = span === 'page' ? template.areaWidth : template.measure;
  const { width: pw, height: ph } = imageSize(fs.readFileSync(figure.image));
  const aspect = pw && ph ? ph / pw : 2 / 3;
  let imageWidth = width;
  let imageHeight = width * aspect;
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
    ? builder.compose([{ text: creditText, role: 'caption' }], { ...builder.options(size, measure, 0, 'end'), trimLineStartOpen: false }, figure.source)[0]
    : undefined;
  const gapSlots = template.figures.gap_lines;
  const slots = gapSlots + imageSlots + caption.length + (credit ? 1 : 0);
  return { figure, span, width, imageWidth, imageHeight, imageSlots, captionSize: size, caption, credit, gapSlots, slots };
}
