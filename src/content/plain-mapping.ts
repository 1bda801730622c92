/**
 * The shortcut past the YAML parser for what nearly every entry's front matter is: a few
 * `key: value` lines of Chinese text, plain or in double quotes (`title: 上城区工会第八次代表大会`,
 * `title: "“悦读益站”挂牌"`).
 *
 * `yaml` builds a positional Document for every text it reads, 25–170 µs a front matter and
 * about a third of loading a book's content. A text this accepts could mean nothing else
 * to YAML, so its mapping is what `yaml` would give (test/content/plain-mapping.test.ts holds
 * it to that, on random texts); anything else it declines, and `yaml` reads it as before.
 */

/**
 * A line `key: value`. The key is lower-case ASCII and underscores. The value is either
 * - in double quotes, holding no quote, backslash (escapes), control or line-separating
 *   character, BOM or lone surrogate; or
 * - plain: it starts with a letter, a digit or a character from U+00A0 up, so it is no YAML
 *   indicator (quote, anchor, tag, block or flow scalar, list, comment); it holds, besides
 *   those, only single inner spaces and `.`, `-`, `(`, `)`, `/` (no `#` or `:`: comments and
 *   keys); and it has some character from U+0080 up, so that it is no number, boolean, null
 *   or date to YAML.
 */
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]'; // a character beyond the BMP
const WIDE = '\\u00A0-\\u2027\\u202A-\\uD7FF\\uE000-\\uFEFE\\uFF00-\\uFFFD'; // U+00A0 up, but the line separators, surrogates, BOM and non-characters
const QUOTED = `"((?:[^"\\\\\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029\\uD800-\\uDFFF\\uFEFF\\uFFFE\\uFFFF]|${PAIR})*)"`;
const PLAIN = `((?:[0-9A-Za-z${WIDE}]|${PAIR})(?:[0-9A-Za-z.\\-()/${WIDE}]|${PAIR}| (?! |$))*)`;
const LINE = new RegExp(`^([a-z][a-z_]*): (?:${QUOTED}|${PLAIN})$`);

const NOT_ASCII = /[^\x00-\x7F]/;

/** The mapping of `text` if it is only such lines, each key once; otherwise undefined. */
export function plainMapping(text: string): Record<string, string> | undefined {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m || Object.hasOwn(mapping, m[1]!)) return undefined;
    const value = m[2] ?? m[3]!;
    if (m[2] === undefined && !NOT_ASCII.test(value)) return undefined;
    mapping[m[1]!] = value;
  }
  return mapping;
}
