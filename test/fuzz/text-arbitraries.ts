/**
 * Random Chinese yearbook text for the property tests: mostly Han, with the marks of every clreq
 * class, digits and decimals, Latin words, spaces, and (for Markdown bodies) emphasis markers,
 * line breaks and ::: box fences.
 *
 * A Latin word or number is always followed by a Han character (as in 1137个, 2018年, VR技术),
 * and ASCII signs only occur inside them (100%, 3/4), so Western runs stay shorter than 10 em,
 * as in real text. Runs about as wide as the line are the subject of the regression tests in
 * compose.test.ts.
 */
import fc from 'fast-check';

const HAN = [...'上城区有基层工会组织覆盖单位职工之家示范点年月日会议召开青春奋斗社区科协'];
const OPEN = [...'“‘（《〈【〖〔［｛「『'];
const CLOSE = [...'”’）》〉】〗〕］｝」』'];
const PAUSE = [...'，、；：'];
const STOP = [...'。．？！‼⁇'];
const OTHER_MARKS = ['——', '……', '—', '…', '～', '–', '·', '・', '／', '⸺'];
const LATIN = ['VR', 'iPhone', 'e', 'Internationalization', 'www.hzsc.gov.cn', 'A', 'B2B'];
const NUMBERS = ['2018', '1137', '2.25', '100%', '25—26', '14～35', '0', '57.49', '3/4'];
const SPACES = [' ', '  ', '\u00A0', '\u3000', '\t'];

/** A token of plain text (no Markdown meaning). */
export const textToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...HAN) },
  { weight: 2, arbitrary: fc.constantFrom(...OPEN) },
  { weight: 2, arbitrary: fc.constantFrom(...CLOSE) },
  { weight: 3, arbitrary: fc.constantFrom(...PAUSE) },
  { weight: 2, arbitrary: fc.constantFrom(...STOP) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_MARKS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LATIN), fc.constantFrom(...HAN)).map(([w, h]) => w + h) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...HAN)).map(([n, h]) => n + h) },
  { weight: 1, arbitrary: fc.constantFrom(...SPACES) },
);

/** Raw paragraph text, up to a few lines long at 24 em. */
export const rawText: fc.Arbitrary<string> = fc.array(textToken, { minLength: 1, maxLength: 120 }).map((t) => t.join(''));

/** Markdown source: text tokens mixed with **, *, line breaks, blank lines, list markers and ::: fences. */
export const markdownBody: fc.Arbitrary<string> = fc.array(
  fc.oneof(
    { weight: 20, arbitrary: textToken },
    { weight: 2, arbitrary: fc.constantFrom('**', '*', '\\*', '_') },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n') },
    { weight: 1, arbitrary: fc.constantFrom('\n::: 资料\n', '\n:::\n', '\n- ', '\n1. ', '\n# ', '\n> ') },
  ),
  { minLength: 1, maxLength: 160 },
).map((t) => t.join(''));
