/**
 * The shortcut past the YAML parser for what nearly every front matter is: a few `key: value`
 * lines of text, plain or in double quotes (`title: 上城区工会第八次代表大会`,
 * `title: "“悦读益站”挂牌"`, `title_en: Mass Organizations`), and an entry's photos as a list of
 * such mappings under `figures:`, written the one way the handbook shows.
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
 *   keys). YAML must read it as a string, not as a number, boolean or null (`isString`).
 */
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]'; // a character beyond the BMP
const WIDE = '\\u00A0-\\u2027\\u202A-\\uD7FF\\uE000-\\uFEFE\\uFF00-\\uFFFD'; // U+00A0 up, but the line separators, surrogates, BOM and non-characters
const QUOTED = `"((?:[^"\\\\\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029\\uD800-\\uDFFF\\uFEFF\\uFFFE\\uFFFF]|${PAIR})*)"`;
const PLAIN = `((?:[0-9A-Za-z${WIDE}]|${PAIR})(?:[0-9A-Za-z.\\-()/${WIDE}]|${PAIR}| (?! |$))*)`;
const LINE = new RegExp(`^([a-z][a-z_]*): (?:${QUOTED}|${PLAIN})$`);
/** A key whose value is the list on the lines below it. */
const LIST_KEY = /^([a-z][a-z_]*):$/;
/** A list item's first line is `  - key: value`, each further line of it `    key: value`. */
const ITEM_FIRST = '  - ';
const ITEM_MORE = '    ';

const NOT_ASCII = /[^\x00-\x7F]/;
/** The plain words YAML's core schema reads as null or a boolean. */
const KEYWORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

type Mapping = Record<string, string>;

/** The mapping of `text` if it is only such lines and lists, each key once; otherwise undefined. */
export function plainMapping(text: string): Record<string, string | Mapping[]> | undefined {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return undefined;
  const mapping: Record<string, string | Mapping[]> = {};
  for (let n = 0; n < lines.length; n++) {
    const list = LIST_KEY.exec(lines[n]!);
    if (!list) {
      const pair = pairOf(lines[n]!);
      if (!pair || Object.hasOwn(mapping, pair[0])) return undefined;
      mapping[pair[0]] = pair[1];
      continue;
    }
    const key = list[1]!;
    if (Object.hasOwn(mapping, key)) return undefined;
    const items: Mapping[] = [];
    while (lines[n + 1]?.startsWith(ITEM_FIRST)) {
      const item: Mapping = {};
      do {
        // Both prefixes are four characters: what follows is the item's `key: value`.
        const pair = pairOf(lines[++n]!.slice(ITEM_FIRST.length));
        if (!pair || Object.hasOwn(item, pair[0])) return undefined;
        item[pair[0]] = pair[1];
      } while (lines[n + 1]?.startsWith(ITEM_MORE));
      items.push(item);
    }
    // `key:` with nothing under it is null to YAML.
    if (items.length === 0) return undefined;
    mapping[key] = items;
  }
  return mapping;
}

/** The key and value of a `key: value` line, or undefined. */
function pairOf(line: string): [string, string] | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  if (m[2] !== undefined) return [m[1]!, m[2]];
  return isString(m[3]!) ? [m[1]!, m[3]!] : undefined;
}

/**
 * A plain value that YAML reads as a string: one with a character from U+0080 up or a `/`,
 * which no number, boolean or null has, or one that starts with a letter and is no keyword
 * (numbers start with a digit here, since a plain value cannot start with a sign or a dot).
 */
function isString(plain: string): boolean {
  return NOT_ASCII.test(plain) || plain.includes('/') || (/^[A-Za-z]/.test(plain) && !KEYWORD.test(plain));
}
