/**
 * The edition.yaml of the following year: `year` moved on by one and the old year replaced
 * in `running_head` when it is spelt out there. The file is edited in place in its text (at
 * the YAML nodes' source ranges), so comments, key order and quoting stay as the editor
 * wrote them.
 */
import { isScalar, parseDocument } from 'yaml';

export function nextYearEditionFile(text: string, year: number): string {
  const doc = parseDocument(text);
  const edits: { range: [number, number]; replace: (source: string) => string }[] = [];
  const yearNode = doc.get('year', true);
  if (isScalar(yearNode) && yearNode.range) {
    edits.push({ range: [yearNode.range[0], yearNode.range[1]], replace: () => String(year + 1) });
  }
  const head = doc.get('running_head', true);
  if (isScalar(head) && head.range && String(head.value).includes(String(year))) {
    edits.push({ range: [head.range[0], head.range[1]], replace: (s) => s.replaceAll(String(year), String(year + 1)) });
  }
  let out = text;
  for (const { range: [from, to], replace } of edits.sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, from) + replace(out.slice(from, to)) + out.slice(to);
  }
  return out;
}
