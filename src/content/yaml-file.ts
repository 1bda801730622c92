/**
 * Reading YAML (whole files and front matter) with positions kept, and validating it
 * against a zod schema so that every problem names its file, line and column.
 */
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { closest, Diagnostics } from './diagnostics.js';
import { digest } from './digest.js';
import { plainMapping } from './plain-mapping.js';

export interface YamlSource {
  file: string;
  text: string;
  /** Line number (1-based) of the first line of `text` in the file. */
  firstLine: number;
}

/**
 * Parse and validate. Returns undefined when there were errors (already reported).
 * Aliases are bounded (no billion-laughs expansion).
 */
export function readYaml<S extends z.ZodType>(
  src: YamlSource,
  schema: S,
  diagnostics: Diagnostics,
): z.infer<S> | undefined {
  const parsed = parsedInSnapshot.get(schema)?.get(digest(src.text));
  if (parsed !== undefined) return parsed as z.infer<S>;
  // Plain `key: value` lines skip the parser; a mapping the schema rejects is read again below,
  // so that each problem is reported with its line and column.
  const plain = plainMapping(src.text);
  if (plain) {
    const result = schema.safeParse(plain);
    if (result.success) return result.data;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lines = src.text.split('\n');
  // Columns count characters (code points), as editors show them, not UTF-16 units.
  const where = (offset: number): [number, number] => {
    const pos = lineCounter.linePos(offset);
    const before = (lines[pos.line - 1] ?? '').slice(0, pos.col - 1);
    return [pos.line + src.firstLine - 1, [...before].length + 1];
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const [line, col] = where(e.pos[0]);
      diagnostics.error(src.file, line, col, `YAML syntax: ${e.message.split('\n')[0]}`);
    }
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    diagnostics.error(src.file, src.firstLine, 1, `YAML: ${(e as Error).message}`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One diagnostic per unknown key, at the key itself.
      for (const key of issue.keys) {
        const [line, col] = where(keyOffset(doc, issue.path, key));
        diagnostics.error(src.file, line, col, unknownKey(key, knownKeys(schema, issue.path)));
      }
      continue;
    }
    const [line, col] = where(offsetOf(doc, issue.path));
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
    diagnostics.error(src.file, line, col, missing ? `missing required key '${issue.path.join('.')}'` : `'${issue.path.join('.')}': ${issue.message}`);
  }
  return undefined;
}

/**
 * Files parsed while the startup snapshot was made (the default template, the font
 * configuration), by schema and the digest of their text: a command that reads the same text
 * takes the data parsed then (reading such a file, YAML and schema, cost each process 7–20 ms);
 * any other text is parsed as it is read. The data is shared: it must not be changed.
 */
const parsedInSnapshot = new Map<z.ZodType, Map<string, unknown>>();

/** Parse a file into the startup snapshot (src/cli/snapshot/entry.ts), if it is valid. */
export function parseForSnapshot<S extends z.ZodType>(src: YamlSource, schema: S): void {
  const data = readYaml(src, schema, new Diagnostics());
  if (data === undefined) return;
  let bySchema = parsedInSnapshot.get(schema);
  if (!bySchema) parsedInSnapshot.set(schema, (bySchema = new Map()));
  bySchema.set(digest(src.text), data);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Offset of `key` in the map at `path`. */
function keyOffset(doc: Document, path: readonly PropertyKey[], key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range[0];
    }
  }
  return offsetOf(doc, path);
}

function unknownKey(key: string, known: string[]): string {
  const hint = closest(key, known);
  return `unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; known keys: ${known.join(', ')}`;
}

/** Offset of the YAML node at `path`, or of the nearest ancestor that exists. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

/** The keys the object schema at `path` accepts (for did-you-mean hints). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType = schema;
  for (const p of path) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(p)] ?? s;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}
