/**
 * The proof report: what an editor should look at on these pages: loose lines, characters
 * pushed down by a line-start rule, characters from a fallback face, figures that went to a
 * later page than their entry, and lines changed since the previous proof.
 */
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostics.js';
import type { Page } from '../layout/types.js';
import { numberedLines } from '../pdf/proof-overlay.js';

export interface ProofFinding {
  page: number;
  column: number;
  line: number;
  kind: 'loose' | 'pushed-out' | 'changed' | 'figure-moved' | 'fallback-glyph';
  text: string;
}

const COLUMN = ['左栏', '右栏'];

export function findings(pages: Page[], looseLimit: number, changed: ReadonlySet<string>): ProofFinding[] {
  const out: ProofFinding[] = [];
  for (const page of pages) {
    const numbered = numberedLines(page);
    for (const l of page.lines) {
      if (l.column === undefined) continue;
      const n = numbered.find((x) => x.column === l.column && Math.abs(x.baseline - l.baseline) < 0.01)?.number ?? 0;
      if (l.addedSpace > looseLimit) out.push({ page: page.number, column: l.column, line: n, kind: 'loose', text: `${l.addedSpace.toFixed(2)} em added: ${l.text}` });
      if (l.pushedOut) out.push({ page: page.number, column: l.column, line: n, kind: 'pushed-out', text: l.text });
    }
    for (const x of numbered) {
      if (changed.has(`${page.number}:${x.column}:${x.number}`)) out.push({ page: page.number, column: x.column, line: x.number, kind: 'changed', text: x.text });
    }
  }
  // A figure is "moved" when it stands on a later page than the start of its entry.
  const entryPage = new Map<string, number>();
  for (const p of pages) for (const m of p.marks) if (m.level === 3) entryPage.set(m.source, p.number);
  for (const p of pages) {
    for (const img of p.images) {
      const start = entryPage.get(img.source.file);
      if (start !== undefined && p.number > start) {
        out.push({ page: p.number, column: 0, line: 0, kind: 'figure-moved', text: `${path.basename(img.file)} of the entry on page ${start}` });
      }
    }
  }
  return out;
}

export function formatReport(title: string, items: ProofFinding[], warnings: Diagnostic[]): string {
  const lines = [`${title}`, ''];
  const label: Record<ProofFinding['kind'], string> = {
    loose: '字距过松', 'pushed-out': '推出', changed: '改动', 'figure-moved': '图片后移', 'fallback-glyph': '替代字体',
  };
  for (const f of items) {
    const where = f.line ? `第${f.page}页 ${COLUMN[f.column] ?? ''} 第${f.line}行` : `第${f.page}页`;
    lines.push(`${where}  [${label[f.kind]} ${f.kind}]  ${f.text}`);
  }
  for (const w of warnings) lines.push(`${path.relative(process.cwd(), w.file)}:${w.line}:${w.column}: ${w.severity}: ${w.message}`);
  if (items.length === 0 && warnings.length === 0) lines.push('nothing to report');
  return lines.join('\n') + '\n';
}
