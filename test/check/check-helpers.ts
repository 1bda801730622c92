/** Small editions (test/support/edition-fixture.ts) run through the loader and the text checks. */
import path from 'node:path';
import { checkEdition } from '../../src/check/check-edition.js';
import type { Diagnostic } from '../../src/content/diagnostics.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { makeEdition, type FixtureEntry } from '../support/edition-fixture.js';

/** The first entry file of a fixture edition, relative to its root. */
export const ENTRY = '01-c/01-s/01-e.md';
export const SECTION = '01-c/01-s/section.yaml';

/** One category, one section signed 刘乃华 (null: unsigned), the given entries. */
export function oneSection(entries: FixtureEntry[], byline: string | null = '刘乃华'): string {
  return makeEdition([{ title: '群众团体', titleEn: 'Mass Organizations', sections: [{ title: '上城区总工会', ...(byline ? { byline } : {}), entries }] }]);
}

/** The check's diagnostics (not the loader's), with files relative to the edition root. */
export function check(root: string): Diagnostic[] {
  const { edition: loaded, diagnostics } = loadEdition(root);
  const before = diagnostics.items.length;
  checkEdition(loaded, diagnostics);
  return diagnostics.items.slice(before).map((d) => ({ ...d, file: path.relative(root, d.file) }));
}

/** The diagnostics of an edition holding one entry with this body (and front matter lines). */
export function checkBody(body: string, extra?: string): Diagnostic[] {
  return check(oneSection([{ title: '概况', body, ...(extra ? { extra } : {}) }]));
}

/** `file:line:column: severity` of each diagnostic, for compact assertions. */
export const where = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}`);
