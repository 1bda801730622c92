/**
 * `--pages`: pages by the numbers printed on them (the PDF's page labels: i, ii … for the front
 * matter, 1, 2 … for the body; a proof's own page numbers), as `3`, `1-4`, `i-iii`, `5-`
 * (to the end) or `-4` (from the start). A PDF without labels is numbered 1, 2 … physically.
 */

export class PageRangeError extends Error {
  constructor(readonly spec: string, readonly available: string) {
    super(`--pages '${spec}' does not name pages of this PDF; its pages are ${available}`);
    this.name = 'PageRangeError';
  }
}

/** The 0-based indices of the pages `spec` names, in order; every page when `spec` is undefined. */
export function selectPages(spec: string | undefined, labels: readonly string[]): number[] {
  const all = labels.map((_, i) => i);
  if (spec === undefined || spec.trim() === '') return all;
  const fail = () => new PageRangeError(spec, describeLabels(labels));
  const m = /^\s*([^\s-]*)\s*(-?)\s*([^\s-]*)\s*$/.exec(spec);
  if (!m) throw fail();
  const [, from = '', dash = '', to = ''] = m;
  if (from === '' && to === '') throw fail();
  const first = from === '' ? 0 : labels.indexOf(from);
  if (first < 0) throw fail();
  if (dash === '') return [first];
  const last = to === '' ? labels.length - 1 : labels.indexOf(to, first);
  if (last < first) throw fail();
  return all.slice(first, last + 1);
}

/** The labels as runs, for messages: 'i–vi, 1–11'. */
export function describeLabels(labels: readonly string[]): string {
  if (labels.length === 0) return '(none)';
  const runs: string[][] = [];
  const kind = (l: string) => (/^\d+$/.test(l) ? 'd' : /^[ivxlcdm]+$/i.test(l) ? 'r' : 'x');
  for (const l of labels) {
    const run = runs[runs.length - 1];
    if (run && kind(run[run.length - 1]!) === kind(l) && kind(l) !== 'x') run.push(l);
    else runs.push([l]);
  }
  return runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]}–${r[r.length - 1]}`)).join(', ');
}
