/**
 * `yearbook check`: the compiler-style output (file:line:column: severity: message, the source
 * line shortened around the column, a caret under it) and the exit codes. The output is tested
 * through runCheck; the exit codes by running the CLI as its own process (transpiled into a
 * folder of the tests' own, so that dist/ and its startup snapshot are left as they are).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { runCli } from '../cli/cli-process.js';
import { makeEdition } from '../support/edition-fixture.js';
import { ENTRY, oneSection } from './check-helpers.js';

function output(dir: string): { lines: string[]; errors: number; warnings: number } {
  const lines: string[] = [];
  const summary = runCheck(dir, (text) => lines.push(...text.split('\n')));
  return { lines, ...summary };
}

const rel = (root: string, file: string) => path.relative(process.cwd(), path.join(root, file));

describe('yearbook check output', () => {
  it('prints the diagnostic, the source line and a caret under the column (Han is two cells wide)', () => {
    const root = oneSection([{ title: '概况', body: '上城区有基层工会组织1137个,覆盖。' }]);
    const { lines, errors, warnings } = output(root);
    expect(lines).toEqual([
      `${rel(root, ENTRY)}:4:16: error: half-width ',' in Chinese text: write the full-width '，' (GB/T 15834)`,
      '  4 | 上城区有基层工会组织1137个,覆盖。',
      `    | ${' '.repeat(26)}^`,
      `${root}: 1 error(s), 0 warning(s)`,
    ]);
    expect([errors, warnings]).toEqual([1, 0]);
  });

  it('shows a window of a long line, marked with ... on each side', () => {
    const han = '上城区有基层工会组织覆盖基层单位';
    const root = oneSection([{ title: '概况', body: `${han}${han},${han}${han}。` }]);
    const { lines } = output(root);
    expect(lines[1]).toBe(`  4 | ...${han},${han}...`);
    expect(lines[2]).toBe(`    | ${' '.repeat(3 + 32)}^`);
  });

  it('shows control characters as visible stand-ins, keeping the caret in place', () => {
    const root = oneSection([{ title: '概况', body: 'ab\u0007上城区。' }]);
    const { lines } = output(root);
    expect(lines.slice(0, 3)).toEqual([
      `${rel(root, ENTRY)}:4:3: error: control character U+0007 in the text: delete it (it prints as nothing)`,
      '  4 | ab\u2407上城区。',
      '    |   ^',
    ]);
  });

  it("prints the loader's problems the same way, all of them, sorted by file and line", () => {
    const root = makeEdition([{
      title: '群众团体',
      sections: [
        { title: '上城区总工会', byline: '刘乃华', entries: [{ title: '概况', body: '正文。', extra: 'titel: x\n' }] },
        { title: '团区委', byline: '李佳杰', entries: [{ title: '概况', body: '正文。', extra: 'order: [1\n' }] },
      ],
    }]);
    const { lines, errors } = output(root);
    expect(lines).toEqual([
      `${rel(root, ENTRY)}:3:1: error: unknown key 'titel' (did you mean 'title'?); known keys: title, order, figures, index`,
      '  3 | titel: x',
      '    | ^',
      expect.stringMatching(new RegExp(`^${rel(root, '01-c/02-s/01-e.md').replace(/[.]/g, '\\.')}:3:\\d+: error: YAML syntax: `)),
      '  3 | order: [1',
      expect.stringMatching(/^ {4}\| +\^$/),
      `${root}: 2 error(s), 0 warning(s)`,
    ]);
    expect(errors).toBe(2);
  });

  it('prints a problem without a readable source line without excerpt', () => {
    const root = makeEdition([]);
    const { lines } = output(root);
    expect(lines).toEqual([
      `${rel(root, 'edition.yaml')}:1:1: error: the edition has no category: add a folder with a category.yaml`,
      '  1 | title: 测试年鉴',
      '    | ^',
      `${root}: 1 error(s), 0 warning(s)`,
    ]);
    const missing = path.join(root, 'nothing-here');
    fs.mkdirSync(missing);
    expect(output(missing).lines).toEqual([
      `${rel(missing, 'edition.yaml')}:1:1: error: no edition.yaml here: an edition is a folder with an edition.yaml (see docs/content-format.md)`,
      `${missing}: 1 error(s), 0 warning(s)`,
    ]);
  });
});

describe('yearbook check exit codes (the CLI as its own process)', () => {
  const run = (...args: string[]) => runCli(['check', '--lang', 'en', ...args]);

  it('exits 0 on the sample edition, which has warnings only', () => {
    const r = run('content/2019');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/content\/2019: 0 error\(s\), \d+ warning\(s\)\n$/);
  });

  it('exits 1 when there is an error', () => {
    const r = run(oneSection([{ title: '概况', body: '上城区,覆盖。' }]));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(":4:4: error: half-width ','");
  });

  it('exits 1 when the folder is no edition, and 2 when used wrongly', () => {
    expect(run('/nonexistent-edition').status).toBe(1);
    expect(run().status).toBe(2);
  });
});
