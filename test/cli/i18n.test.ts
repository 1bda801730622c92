/** The CLI's language: chosen from --lang or the locale; one catalog; Chinese-aware help wrapping. */
import { afterEach, describe, expect, it } from 'vitest';
import { detectLanguage, displayWidth, language, messages, setLanguage, translateCommanderError, wrapText, type Messages } from '../../src/cli/i18n.js';

describe('detectLanguage', () => {
  it('takes --lang zh|en (either form) over the locale, and stops at --', () => {
    expect(detectLanguage(['--lang', 'zh', 'build'], { LANG: 'C.UTF-8' })).toBe('zh');
    expect(detectLanguage(['build', 'x', '--lang=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLanguage(['--', '--lang', 'zh'], { LANG: 'C' })).toBe('en');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG: zh_* (and zh) is Chinese, anything else English', () => {
    expect(detectLanguage([], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLanguage([], { LANG: 'zh_TW.Big5' })).toBe('zh');
    expect(detectLanguage([], { LANG: 'zh' })).toBe('zh');
    expect(detectLanguage([], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLanguage([], { LANG: 'zu_ZA.UTF-8' })).toBe('en');
    expect(detectLanguage([], {})).toBe('en');
    expect(detectLanguage([], { LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLanguage([], { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'C' })).toBe('zh');
    expect(detectLanguage([], { LC_ALL: '', LANG: 'zh_HK.UTF-8' })).toBe('zh');
  });

  it('leaves a wrong --lang value to commander (which exits 2)', () => {
    expect(detectLanguage(['--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });
});

describe('the catalog', () => {
  afterEach(() => setLanguage('en'));

  it('is English until the CLI chooses, so library callers see the same text everywhere', () => {
    expect(language()).toBe('en');
    expect(messages().check.summary('content/2019', 0, 7)).toBe('content/2019: 0 error(s), 7 warning(s)');
  });

  it('has the same messages in both languages, each with text in it', () => {
    const shape = (m: unknown): unknown => (typeof m === 'function' ? 'fn' : m && typeof m === 'object' ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, shape(v)])) : typeof m);
    expect(shape(messages('zh'))).toEqual(shape(messages('en')));
    const texts = (m: Messages) => [m.program, m.exitCodes, m.build.done('out/2019.pdf', 17, '2.20'), m.check.summary('c', 1, 2), m.failed(3),
      m.proof.pages('p.pdf', 4, 6, false), m.proof.findings('r.txt', 0), m.preview.done('d', 2, 100, 2), m.schema.stale('a, b')];
    for (const t of [...texts(messages('en')), ...texts(messages('zh'))]) expect(t).toMatch(/\S/);
  });

  it('says the summaries in Chinese', () => {
    setLanguage('zh');
    const m = messages();
    expect(m.build.done('out/2019.pdf', 17, '2.20')).toBe('out/2019.pdf：17 页，用时 2.20 秒');
    expect(m.check.summary('content/2019', 0, 7)).toBe('content/2019：0 个错误，7 个警告');
    expect(m.failed(3)).toBe('失败：3 个错误');
    expect(m.proof.pages('out/proof/a.pdf', 4, 6, false)).toBe('out/proof/a.pdf：第 4–6 页（页码未知：请先完整构建一次全书）');
    expect(m.exitCodes).toContain('0 完成；1 内容或输入有错误');
  });

  it('translates commander\'s usage errors into Chinese, leaving English as it is', () => {
    expect(translateCommanderError("error: unknown option '--bogus'\n", 'zh')).toBe("错误：未知选项 '--bogus'\n");
    expect(translateCommanderError("error: missing required argument 'edition-dir'\n", 'zh')).toBe("错误：缺少参数 'edition-dir'\n");
    expect(translateCommanderError("error: unknown command 'biuld'\n(Did you mean build?)\n", 'zh')).toBe("错误：未知命令 'biuld'\n（是否想用 build？）\n");
    expect(translateCommanderError("error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are zh, en.\n", 'zh'))
      .toBe("错误：选项 '--lang <lang>' 的值 'fr' 无效，可选的值：zh, en。\n");
    expect(translateCommanderError("error: unknown option '--bogus'\n", 'en')).toBe("error: unknown option '--bogus'\n");
  });
});

describe('help text wrapping', () => {
  it('counts Han and full-width marks as two cells, colour codes as none', () => {
    expect(displayWidth('年鉴 PDF')).toBe(8);
    expect(displayWidth('（默认）')).toBe(8);
    expect(displayWidth('\u001b[1mab\u001b[22m')).toBe(2);
  });

  it('breaks Chinese between characters, never before a closing mark, and keeps paths whole', () => {
    const text = '输出的 PDF（默认 out/<卷>.pdf，加 --print 时为 out/<卷>-print.pdf）';
    const lines = wrapText(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    for (const l of lines) expect(l).not.toMatch(/^[，。、；：）》”]/);
    expect(lines).toContain('out/<卷>-print.pdf）');
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(wrapText('把一卷年鉴排成可付印的 PDF', 12)).toBe('把一卷年鉴排\n成可付印的\nPDF');
  });

  it('wraps English at spaces only', () => {
    expect(wrapText('build an edition folder into a PDF', 16)).toBe('build an edition\nfolder into a\nPDF');
  });
});
