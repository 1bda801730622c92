/**
 * What a PDF's font dictionaries say of a face, read from its tables (src/fonts/font-description.ts):
 * the same as fontkit gives for every configured face, so that pdfkit embeds the faces without
 * fontkit, which a build of the sample then never loads (src/load-when-asked.ts).
 */
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/font-config.js';
import { describeFont } from '../../src/fonts/font-description.js';
import { SfntTables } from '../../src/fonts/sfnt-tables.js';
import { packageLoaded } from '../../src/load-when-asked.js';
import { buildSample } from '../support/sample.js';

const fonts = loadFonts();
const faces = ['body', 'heading', 'strong'] as const;

describe('a face described from its tables', () => {
  for (const role of faces) {
    const face = fonts.face(role);
    it(`says what fontkit says of the ${role} face (${face.name})`, () => {
      const data = fs.readFileSync(face.file);
      const theirs = fontkit.create(data) as fontkit.Font;
      const os2 = theirs['OS/2'] as unknown as { sFamilyClass: number };
      const d = describeFont(SfntTables.parse(data));
      expect(d).toEqual({
        postscriptName: theirs.postscriptName,
        unitsPerEm: theirs.unitsPerEm,
        ascent: theirs.ascent,
        descent: theirs.descent,
        lineGap: theirs.lineGap,
        xHeight: theirs.xHeight,
        capHeight: theirs.capHeight,
        italicAngle: theirs.italicAngle,
        isFixedPitch: Boolean(theirs.post.isFixedPitch),
        italic: theirs.head.macStyle.italic,
        familyClass: os2.sFamilyClass,
        bbox: { minX: theirs.bbox.minX, minY: theirs.bbox.minY, maxX: theirs.bbox.maxX, maxY: theirs.bbox.maxY },
        checkSumAdjustment: theirs.head.checkSumAdjustment,
      });
      expect(d.postscriptName).toMatch(/^NotoS(erif|ans)SC-/);
    });
  }
});

describe('fontkit', () => {
  it('is not loaded to build the sample, whose faces are TrueType with a cmap read directly', async () => {
    await buildSample();
    expect(packageLoaded('fontkit')).toBe(false);
  });
});
