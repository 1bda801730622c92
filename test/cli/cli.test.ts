/**
 * The `yearbook` command as a process: help and messages in the locale's language, exit codes
 * documented in --help, no colours off a terminal, --json output that is one JSON document and
 * nothing else on stdout, and `yearbook schema`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/cli/i18n.js';
import type { JsonReport } from '../../src/cli/output.js';
import { cliMain, ROOT, runCli } from './cli-process.js';

const messagesZh = messages('zh');

const ESC = /\u001b\[/;

/** A copy of the sample edition with one entry's front matter broken three ways. */
function brokenEdition(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-broken-'));
  const dir = path.join(root, '2019');
  fs.cpSync(path.join(ROOT, 'content/2019'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '01-qunzhong-tuanti/01-zonggonghui/01-gaikuang.md'), '---\ntitel: 概况\norder: 一\n---\n正文。\n');
  return dir;
}

beforeAll(() => {
  cliMain();
});

describe('help and language', () => {
  it('documents the exit codes in --help, in English for an English or C locale', () => {
    for (const args of [['--help'], ['build', '--help'], ['preview', '--help']]) {
      const r = runCli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Exit codes: 0 done; 1 the content or the input has errors');
      expect(r.stdout).toContain('2 the command was used wrongly');
    }
    expect(runCli(['--help']).stdout).toMatch(/^Usage: yearbook /);
  });

  it('speaks Chinese for a zh_* locale (LANG, LC_MESSAGES or LC_ALL) or --lang zh', () => {
    for (const env of [{ LANG: 'zh_CN.UTF-8' }, { LC_MESSAGES: 'zh_CN.UTF-8' }, { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }]) {
      const r = runCli(['--help'], { env });
      expect(r.stdout).toMatch(/^用法： yearbook /);
      expect(r.stdout).toContain('命令：');
      expect(r.stdout).toContain('退出码：0 完成；1 内容或输入有错误');
    }
    const build = runCli(['build', '--help', '--lang', 'zh']);
    expect(build.stdout).toContain('把一卷年鉴的文件夹（如 content/2019）构建成 out/ 下的 PDF');
    expect(build.stdout).toContain('选项：');
  });

  it('lets --lang en win over a Chinese locale, and exits 2 on a language it does not have', () => {
    expect(runCli(['--lang', 'en', '--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/^Usage: /);
    const r = runCli(['--lang', 'fr', '--help']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("argument 'fr' is invalid");
  });

  it('reports usage errors with exit code 2, in the chosen language', () => {
    const en = runCli(['build', '--bogus']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("error: unknown option '--bogus'");
    const zh = runCli(['build', '--bogus'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain("错误：未知选项 '--bogus'");
    expect(runCli(['build']).status).toBe(2);
    expect(runCli(['proof', 'content/2019/01-qunzhong-tuanti', '--round', '9']).status).toBe(2);
  });
});

describe('check: summary, colours, --json', () => {
  it('prints the summary in the chosen language', () => {
    expect(runCli(['check', 'content/2019']).stdout).toMatch(/content\/2019: 0 error\(s\), \d+ warning\(s\)\n$/);
    expect(runCli(['check', 'content/2019'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/content\/2019：0 个错误，\d+ 个警告\n$/);
  });

  it('has no colour codes off a terminal, nor with NO_COLOR; FORCE_COLOR turns them on', () => {
    expect(runCli(['check', 'content/2019']).stdout).not.toMatch(ESC);
    expect(runCli(['check', 'content/2019'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ESC);
    const forced = runCli(['check', 'content/2019'], { env: { FORCE_COLOR: '1' } }).stdout;
    expect(forced).toMatch(ESC);
    expect(forced).toContain('\u001b[33mwarning:');
  });

  it('--json: stdout is one JSON document with every diagnostic, exit 0 with warnings only', () => {
    const r = runCli(['check', 'content/2019', '--json'], { env: { FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report).toMatchObject({ command: 'check', ok: true, exitCode: 0, errors: 0, result: { edition: 'content/2019' } });
    expect(report.warnings).toBe(report.diagnostics.length);
    expect(report.warnings).toBeGreaterThan(0);
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(['severity', 'file', 'line', 'column', 'message']);
      expect(d.file).toMatch(/^content\/2019\//);
    }
    expect(r.stdout).not.toMatch(ESC);
  });

  it('--json on an edition with errors: ok false, exit 1, the errors with file, line and column', () => {
    const dir = brokenEdition();
    const r = runCli(['check', dir, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(3);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.column, d.message.slice(0, 24)])).toEqual([
      [2, 1, "missing required key 'ti"],
      [2, 1, "unknown key 'titel' (did"],
      [3, 8, "'order': Invalid input: "],
    ]);
  });
});

describe('build: summary, --json', () => {
  it('--json on a good edition: the PDF, its pages and the warnings; nothing else on stdout', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-json-')), 'book.pdf');
    const r = runCli(['build', 'content/2019', '--output', out, '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report).toMatchObject({ command: 'build', ok: true, exitCode: 0, errors: 0 });
    const builds = (report.result as { builds: { edition: string; output: string; pages: number; seconds: number }[] }).builds;
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ edition: '2019', dir: 'content/2019', output: out });
    expect(builds[0]!.pages).toBeGreaterThan(10);
    expect(fs.existsSync(out)).toBe(true);
    // no progress bar (stderr is no terminal), and the warnings are in the JSON, not on stderr
    expect(r.stderr).not.toMatch(ESC);
    expect(r.stderr).not.toContain(messagesZh.build.stagePdf);
    expect(r.stderr).not.toContain(': warning: ');
    expect(report.warnings).toBe(report.diagnostics.length);
  });

  it('--json on an edition with errors: ok false and exit 1; the text form prints the errors and a summary', () => {
    const dir = brokenEdition();
    const out = path.join(path.dirname(dir), 'book.pdf');
    const json = runCli(['build', dir, '--output', out, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'build', ok: false, exitCode: 1, errors: 3 });
    expect(fs.existsSync(out)).toBe(false);
    const text = runCli(['build', dir, '--output', out], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(text.status).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(":2:1: error: unknown key 'titel'");
    expect(text.stderr).toMatch(/失败：3 个错误\n$/);
    expect(text.stderr).not.toMatch(ESC);
  });

  it('prints "N pages in X s" in the chosen language, without a bar off a terminal', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-text-')), 'book.pdf');
    const r = runCli(['build', 'content/2019', '-o', out], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/book\.pdf：\d+ 页，用时 \d+\.\d\d 秒\n$/);
    // stderr has the warnings, if any, one per line: no bar, no colour, no carriage returns
    expect(r.stderr).not.toMatch(ESC);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain(messagesZh.build.stagePdf);
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^.+:\d+:\d+: warning: /);
  });
});

describe('yearbook schema', () => {
  it('writes the schemas, and --check passes on them and fails (exit 1) on a stale copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-schema-'));
    const w = runCli(['schema', '--out', dir]);
    expect(w.status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['category.schema.json', 'edition.schema.json', 'entry.schema.json', 'section.schema.json', 'template.schema.json']);
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'schemas', f), 'utf8'));
    expect(runCli(['schema', '--out', dir, '--check']).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'entry.schema.json'), '{}\n');
    const stale = runCli(['schema', '--out', dir, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('entry.schema.json');
    expect(runCli(['schema', '--check']).status).toBe(0);
  });
});
