/**
 * Page images written as PNG without skia's encoder (src/preview/page-png.ts): grey where the
 * page has no colour, RGB where it has, the rows unfiltered; the very pixels of the canvas.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { opaqueRows, pagePng } from '../../src/preview/page-png.js';

/** Colour type (IHDR byte 9) and RGBA pixels of a PNG file. */
function decoded(png: Buffer): { colourType: number; rgba: Buffer } {
  return { colourType: png[25]!, rgba: PNG.sync.read(png).data };
}

/** A page-like canvas: white paper, black strokes with soft (grey) edges, and a photo if `colour`. */
function page(colour: boolean): Canvas {
  const canvas = createCanvas(300, 400);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 300, 400);
  // Shapes, not text: no font is needed where the tests run.
  ctx.fillStyle = '#000000';
  for (let y = 40; y < 360; y += 24) {
    for (let x = 20; x < 280; x += 19) {
      ctx.beginPath();
      ctx.arc(x + 0.3, y + 0.4, 6.7, 0, Math.PI * 1.5);
      ctx.fill();
    }
  }
  ctx.fillStyle = '#808080';
  ctx.fillRect(20.5, 370.5, 200, 3);
  if (colour) {
    const g = ctx.createLinearGradient(150, 100, 280, 250);
    g.addColorStop(0, '#c03020');
    g.addColorStop(1, '#2060c0');
    ctx.fillStyle = g;
    ctx.fillRect(150, 100, 130, 150);
  }
  return canvas;
}

describe('opaqueRows', () => {
  it('gives each row its filter byte (none) and then its samples: one a pixel where all are grey', () => {
    const rgba = new Uint8Array([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 7, 7, 7, 255]);
    const rows = opaqueRows(rgba, 2, 2)!;
    expect(rows.colourType).toBe(0);
    expect([...rows.data]).toEqual([0, 0, 128, 0, 255, 7]);
  });

  it('gives three samples a pixel once a pixel has colour, and none where a pixel is not opaque', () => {
    const rgba = new Uint8Array([0, 0, 0, 255, 200, 100, 50, 255]);
    const rows = opaqueRows(rgba, 1, 2)!;
    expect(rows.colourType).toBe(2);
    expect([...rows.data]).toEqual([0, 0, 0, 0, 0, 200, 100, 50]);
    expect(opaqueRows(new Uint8Array([0, 0, 0, 255, 9, 9, 9, 254]), 2, 1)).toBeUndefined();
  });
});

describe('pagePng', () => {
  it('writes a page without colour as a grey PNG of the same pixels, smaller than skia writes it', async () => {
    const canvas = page(false);
    const png = await pagePng(canvas);
    const { colourType, rgba } = decoded(png);
    expect(colourType).toBe(0);
    // Grey levels between black and white: the strokes' edges are kept as they are.
    expect(new Set(rgba.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(20);
    expect(rgba.equals(canvas.data())).toBe(true);
    expect(png.length).toBeLessThan((await canvas.encode('png')).length);
  });

  it('writes a page with a photo as RGB, the same pixels', async () => {
    const canvas = page(true);
    const { colourType, rgba } = decoded(await pagePng(canvas));
    expect(colourType).toBe(2);
    expect(rgba.equals(canvas.data())).toBe(true);
  });

  it('leaves a canvas with see-through pixels to skia, which writes them unmultiplied', async () => {
    const canvas = page(true);
    canvas.getContext('2d').clearRect(0, 0, 10, 10);
    const png = await pagePng(canvas);
    expect(png.equals(await canvas.encode('png'))).toBe(true);
    expect(decoded(png).colourType).toBe(6);
  });
});
