/**
 * Property tests of the loader (src/content/load-edition.ts) with fast-check: whatever an entry's
 * front matter holds (random objects written as YAML, with anchors where objects repeat, and raw
 * YAML-ish text with anchors, aliases, tags, flow and block syntax), loadEdition returns an
 * edition or throws a ContentError whose every diagnostic names the entry file with a line and
 * column; it throws nothing else. An edition it returns also passes through the text checks
 * (src/check) without an exception. Seeds and replay: fuzz-options.ts.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkEdition } from '../../src/check/check-edition.js';
import { ContentError } from '../../src/content/diagnostics.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { makeEdition } from '../support/edition-fixture.js';
import { REPLAY, fuzzParameters } from './fuzz-options.js';

const root = makeEdition([{ title: '群众团体', sections: [{ title: '上城区总工会', byline: '刘乃华', entries: [{ title: '概况', body: '正文。' }] }] }]);
const entryFile = path.join(root, '01-c/01-s/01-e.md');

/** Load the edition with this front matter (and a short body); the outcome, or the unexpected exception. */
function load(frontMatter: string): void {
  fs.writeFileSync(entryFile, `---\n${frontMatter}\n---\n2018年，上城区有基层工会组织1137个。\n`);
  try {
    const { edition, diagnostics } = loadEdition(root);
    checkEdition(edition, diagnostics);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    expect(e.diagnostics.length).toBeGreaterThan(0);
    for (const d of e.diagnostics) {
      expect(d.file).toBe(entryFile);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message.length).toBeGreaterThan(0);
    }
  }
}

const KEYS = ['title', 'order', 'figures', 'index', 'titel', 'image', 'caption', 'credit', 'credit_role', 'size', '标题', ''];
const IMAGES = ['images/photo.png', 'images/photo.PNG', 'images', '.', '..', '../../../../etc/passwd', '/etc/passwd', 'images/none.jpg', 'images/photo.png/x', '', 'C:\\\\photo.png'];
const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'上城区“”：:#&*!|>-[]{},\'"\\%@`\n\t 　\u0000\u0007\uFEFF\uD800') }),
  fc.constantFrom(...IMAGES, '供稿', '摄', 'inset', 'page', 'column'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 }),
})).node;
const figure = fc.record({ image: fc.constantFrom(...IMAGES), caption: scalar, credit: scalar, credit_role: scalar, size: scalar }, { requiredKeys: [] });
const frontMatterObject = fc.record({
  title: fc.oneof(scalar, value), order: fc.oneof(fc.integer(), value), figures: fc.oneof(fc.array(figure, { maxLength: 3 }), value), index: value, extra: value,
}, { requiredKeys: [] });

/** YAML-ish tokens: the syntax that trips parsers, around the keys the schema knows. */
const yamlToken = fc.oneof(
  fc.constantFrom('title: ', 'figures:', '  - image: ', '    caption: ', 'index: ', 'order: ', 'titel: '),
  fc.constantFrom('&a ', '*a', '&b [*a, *a]', '<<: *a', '!!str ', '!!binary ', '!tag ', '!!map ', '? ', '- ', ': '),
  fc.constantFrom('[', ']', '{', '}', ',', '"', "'", '|', '>', '#', '%YAML 1.2', '---', '...', '@', '`', '\\'),
  fc.constantFrom('\n', '\n  ', '\n    ', '\t', ' ', '\r\n', '\u0000', '\uFEFF'),
  fc.constantFrom('概况', '上城区总工会', '“悦读益站”挂牌', '2018', '1e999', '0x1F', '.inf', 'null', '~', 'images/photo.png', '../../x.png'),
);

describe('loadEdition on random front matter', () => {
  it(`random objects written as YAML: an edition or a ContentError, nothing else ${REPLAY}`, () => {
    fc.assert(fc.property(frontMatterObject, (object) => {
      const { extra, ...rest } = object;
      load(stringify(extra === undefined ? rest : { ...rest, extra }));
    }), fuzzParameters(1000));
  });

  it(`raw YAML-ish text: an edition or a ContentError, nothing else ${REPLAY}`, () => {
    fc.assert(fc.property(fc.array(yamlToken, { maxLength: 40 }), (tokens) => load(tokens.join(''))), fuzzParameters(2000));
  });
});
