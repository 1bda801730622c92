/**
 * The picture put in for each imported photo: the photos are not in the extracted text, but
 * an entry's figure needs an image file to build. A plain light grey 600×400 (3:2) PNG is
 * unmistakably a stand-in on a proof and is replaced by copying the real photo over it.
 */
import { PNG } from 'pngjs';

const WIDTH = 600;
const HEIGHT = 400;
const GREY = 0xdd;

let png: Buffer | undefined;

export function placeholderPng(): Buffer {
  if (!png) {
    const image = new PNG({ width: WIDTH, height: HEIGHT });
    image.data.fill(GREY);
    for (let i = 3; i < image.data.length; i += 4) image.data[i] = 0xff;
    png = PNG.sync.write(image, { colorType: 2 });
  }
  return png;
}
