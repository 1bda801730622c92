/**
 * The CLI's own words in Chinese and English: --help texts, summary lines, its own errors.
 * One catalog, chosen once at start from `--lang zh|en` or the locale (LC_ALL, LC_MESSAGES,
 * LANG: zh_* → Chinese). Diagnostics about the content keep their English message bodies for
 * now; only the words around them (summaries, counts) are translated.
 *
 * Library code (src/…) never reads this: only src/cli does. Until main.ts calls
 * setLanguage(), the catalog is English, so tests that call command helpers directly see
 * the same text whatever the machine's locale.
 */
import { Help, type Argument, type Option } from 'commander';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

type N = number | string;

const en = {
  program: 'Typeset a Chinese yearbook (年鉴) edition into a print-ready PDF',
  langOption: 'language of messages and help: zh or en (default: from LC_ALL, LC_MESSAGES or LANG)',
  helpOption: 'display help for command',
  helpCommand: 'display help for command',
  jsonOption: 'print the result and every diagnostic as JSON on stdout, and nothing else there',
  exitCodes: '\nExit codes: 0 done; 1 the content or the input has errors (reported as file:line:column); 2 the command was used wrongly.',
  titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' } as Record<string, string>,
  failed: (errors: N) => `failed: ${errors} error(s)`,
  build: {
    description: 'build an edition folder (e.g. content/2019) into a PDF in out/',
    editionArg: 'the edition folder, holding edition.yaml',
    output: 'output PDF (default: out/<edition>.pdf, out/<edition>-print.pdf with --print)',
    print: "the printer's PDF: 3 mm bleed, TrimBox/BleedBox, crop marks, K-only overprinting black",
    all: 'build every edition under content-dir (default: content)',
    needEdition: 'error: give an edition folder, or --all',
    done: (file: string, pages: N, seconds: string) => `${file}: ${pages} pages in ${seconds} s`,
    manifest: (file: string) => `${file}: manifest`,
    stageLayout: 'layout and PDF, 类目',
    stagePdf: 'fonts and closing the PDF',
  },
  archive: {
    description: 'build the archive copy: PDF/A-2u with XMP metadata, and a manifest of every input with its SHA-256',
    output: 'output PDF (default: out/<edition>-archive.pdf)',
  },
  check: {
    description: 'check an edition folder (e.g. content/2019) without building it: every problem at once',
    summary: (dir: string, errors: N, warnings: N) => `${dir}: ${errors} error(s), ${warnings} warning(s)`,
  },
  proof: {
    description: "proof one 类目 or 分目 folder or one 条目 file: the book's own layout and page numbers, watermark, line numbers, report",
    target: 'a category or section folder, or an entry .md file, inside an edition',
    round: (rounds: string[]) => `proof round: ${rounds.join(', ')}`,
    date: 'date in the watermark (default: today)',
    diff: 'mark lines changed since this earlier proof or build (with its .pages.json)',
    output: 'output PDF (default: out/proof/…)',
    watch: 'stay running and set the proof again each time a file of the edition is saved (Ctrl-C to stop)',
    watching: (dir: string) => `watching ${dir}: save a file to set the proof again (Ctrl-C to stop)`,
    rewritten: (file: string, pages: N, ms: string) => `${file}: ${pages} page(s) set in ${ms} ms`,
    badRound: (rounds: string[]) => `error: --round must be one of ${rounds.join(', ')}`,
    pages: (file: string, first: N, last: N, known: boolean) =>
      `${file}: pages ${first}–${last}${known ? '' : ' (page numbers not known: build the book once)'}`,
    findings: (file: string, n: N) => `${file}: ${n} finding(s)`,
  },
  new: {
    description: 'start an edition with the 类目 and 分目 of the previous one and an empty 概况 in each 分目',
    dir: 'the new edition folder (must not exist)',
    from: 'the edition folder to take the structure from',
    done: (dir: string, year: N, toFill: N, file: string) =>
      `${dir}: edition ${year}; write the ${toFill} 概况 entries (${file}): until they have text, the build stops on them`,
  },
  import: {
    description: 'turn the text of a printed chapter, as extracted from a PDF, into entry files (see docs/import.md)',
    file: 'the extracted text (UTF-8)',
    into: 'an edition folder (the chapter becomes a new 类目) or a 类目 folder (its 分目 are added)',
    dryRun: 'list the folders and files it would create and every place it was unsure of; write nothing',
    done: (dirs: string, sections: N, entries: N, photos: N, warnings: N) =>
      `${dirs}: ${sections} 分目, ${entries} 条目, ${photos} photo(s) with placeholder images, ${warnings} warning(s) to check`,
  },
  preview: {
    description: 'render pages to PNG images and contact sheets (forty pages each) in out/preview/<name>/: of a built PDF, of an edition (built first) or of a 类目, 分目 or 条目 (proofed first)',
    target: 'a PDF, an edition folder, or a category or section folder or entry .md file inside an edition',
    resolution: 'resolution of the page images, in dpi',
    pages: 'pages to render, by their printed numbers: 3, 1-4, i-iii, 5- (default: all)',
    out: 'folder for the images (default: out/preview/<name of the PDF>)',
    badResolution: (value: string) => `error: --resolution must be a number of dpi between 10 and 1200, not '${value}'`,
    badPages: (spec: string, available: string) => `error: --pages '${spec}' does not name pages of this PDF; its pages are ${available}`,
    notFound: (target: string) => `${target}: no such file or folder`,
    done: (dir: string, n: N, dpi: N, threads: number) => `${dir}: ${n} page image(s) at ${dpi} dpi${threads > 1 ? `, drawn on ${threads} threads` : ''}`,
    sheet: (file: string) => `${file}: contact sheet`,
  },
  schema: {
    description: 'write the JSON Schemas of edition.yaml, category.yaml, section.yaml, the entry front matter and the template, for editors (see docs/editor-support.md)',
    out: 'folder to write them to',
    check: 'write nothing; exit 1 when a file there is missing or differs from what would be written',
    written: (dir: string, n: N) => `${dir}: ${n} JSON Schema file(s) written`,
    upToDate: (dir: string, n: N) => `${dir}: ${n} JSON Schema file(s) up to date`,
    stale: (files: string) => `out of date: ${files}; run 'yearbook schema' to write them again`,
  },
};

export type Messages = typeof en;

const zh: Messages = {
  program: '把一卷年鉴排成可付印的 PDF',
  langOption: '提示与帮助的语言：zh 或 en（默认按 LC_ALL、LC_MESSAGES 或 LANG）',
  helpOption: '显示帮助',
  helpCommand: '显示某个命令的帮助',
  jsonOption: '以 JSON 在标准输出上给出结果和全部诊断，标准输出上不再有别的内容',
  exitCodes: '\n退出码：0 完成；1 内容或输入有错误（按“文件:行:列”报告）；2 命令用法不对。',
  titles: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' },
  failed: (errors) => `失败：${errors} 个错误`,
  build: {
    description: '把一卷年鉴的文件夹（如 content/2019）构建成 out/ 下的 PDF',
    editionArg: '年鉴文件夹，内有 edition.yaml',
    output: '输出的 PDF（默认 out/<卷>.pdf，加 --print 时为 out/<卷>-print.pdf）',
    print: '印厂用 PDF：3 毫米出血、TrimBox/BleedBox、裁切线、单色黑（K）叠印',
    all: '构建 content-dir（默认 content）下的每一卷',
    needEdition: '错误：请给出年鉴文件夹，或用 --all',
    done: (file, pages, seconds) => `${file}：${pages} 页，用时 ${seconds} 秒`,
    manifest: (file) => `${file}：清单`,
    stageLayout: '排版并写入 PDF（类目）',
    stagePdf: '嵌入字体、完成 PDF',
  },
  archive: {
    description: '构建存档本：PDF/A-2u 及 XMP 元数据，另附全部输入文件及其 SHA-256 的清单',
    output: '输出的 PDF（默认 out/<卷>-archive.pdf）',
  },
  check: {
    description: '检查一卷年鉴（如 content/2019）而不构建：一次列出全部问题',
    summary: (dir, errors, warnings) => `${dir}：${errors} 个错误，${warnings} 个警告`,
  },
  proof: {
    description: '出一个类目、分目文件夹或一个条目文件的校样：版面和页码与书中相同，带水印、行号和报告',
    target: '年鉴中的类目或分目文件夹，或条目 .md 文件',
    round: (rounds) => `校次：${rounds.join('，')}`,
    date: '水印中的日期（默认今天）',
    diff: '标出与这份较早的校样或成书（须有其 .pages.json）相比改动了的行',
    output: '输出的 PDF（默认 out/proof/…）',
    watch: '持续运行：年鉴中的文件一经保存即重排校样（Ctrl-C 退出）',
    watching: (dir) => `正在监视 ${dir}：保存文件即重排校样（Ctrl-C 退出）`,
    rewritten: (file, pages, ms) => `${file}：${pages} 页，用时 ${ms} 毫秒`,
    badRound: (rounds) => `错误：--round 只能是 ${rounds.join('、')} 之一`,
    pages: (file, first, last, known) => `${file}：第 ${first}–${last} 页${known ? '' : '（页码未知：请先完整构建一次全书）'}`,
    findings: (file, n) => `${file}：${n} 处待查`,
  },
  new: {
    description: '照上一卷的类目和分目开一卷新年鉴，每个分目带一个待写的概况',
    dir: '新一卷的文件夹（须尚不存在）',
    from: '沿用其结构的那一卷的文件夹',
    done: (dir, year, toFill, file) => `${dir}：${year} 卷；请写好 ${toFill} 个概况条目（${file}），写好之前构建会停在那里`,
  },
  import: {
    description: '把从 PDF 提取出的已印章节文字拆成条目文件（见 docs/import.md）',
    file: '提取出的文字（UTF-8）',
    into: '年鉴文件夹（这一章成为新类目）或类目文件夹（加入其中的分目）',
    dryRun: '只列出将建立的文件夹和文件以及每一处拿不准的地方，不写任何文件',
    done: (dirs, sections, entries, photos, warnings) =>
      `${dirs}：${sections} 个分目，${entries} 个条目，${photos} 张照片（用占位图），${warnings} 个警告待查`,
  },
  preview: {
    description: '把页面渲染成 PNG 图片和缩略总览图（每张四十页），放在 out/preview/<名称>/：可以是已构建的 PDF，也可以是一卷年鉴（先构建）或一个类目、分目、条目（先出校样）',
    target: 'PDF 文件、年鉴文件夹，或年鉴中的类目、分目文件夹或条目 .md 文件',
    resolution: '页面图片的分辨率（dpi）',
    pages: '要渲染的页，按印出的页码：3、1-4、i-iii、5-（默认全部）',
    out: '图片所在的文件夹（默认 out/preview/<PDF 名>）',
    badResolution: (value) => `错误：--resolution 须是 10 到 1200 之间的 dpi 数，不能是“${value}”`,
    badPages: (spec, available) => `错误：--pages“${spec}”不是这份 PDF 中的页；它的页码是 ${available}`,
    notFound: (target) => `${target}：没有这个文件或文件夹`,
    done: (dir, n, dpi, threads) => `${dir}：${n} 页图片，${dpi} dpi${threads > 1 ? `，${threads} 个线程绘制` : ''}`,
    sheet: (file) => `${file}：缩略总览图`,
  },
  schema: {
    description: '为编辑器写出 edition.yaml、category.yaml、section.yaml、条目前言区（front matter）和版式模板的 JSON Schema（见 docs/editor-support.md）',
    out: '写入的文件夹',
    check: '不写文件；若其中有文件缺失或与将写出的不同，以 1 退出',
    written: (dir, n) => `${dir}：已写出 ${n} 个 JSON Schema 文件`,
    upToDate: (dir, n) => `${dir}：${n} 个 JSON Schema 文件都是最新的`,
    stale: (files) => `已过时：${files}；请运行 yearbook schema 重新写出`,
  },
};

const CATALOGS: Record<Lang, Messages> = { en, zh };

let current: Lang = 'en';

export function setLanguage(lang: Lang): void {
  current = lang;
}

export function language(): Lang {
  return current;
}

/** The messages in the current language. */
export function messages(lang: Lang = current): Messages {
  return CATALOGS[lang];
}

/**
 * `--lang zh|en` (or `--lang=…`) on the command line wins; otherwise the first of LC_ALL,
 * LC_MESSAGES, LANG that is set and not empty (POSIX order): zh, zh_CN.UTF-8, zh_TW … → zh.
 * An unknown --lang value is left to commander to reject (exit 2).
 */
export function detectLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

// ---------------------------------------------------------------------------
// Commander's own words

/**
 * Commander's error lines (usage errors) in Chinese; anything not known stays as it is.
 * The English forms are those of commander 14.
 */
export function translateCommanderError(text: string, lang: Lang = current): string {
  if (lang === 'en') return text;
  const rules: [RegExp, string][] = [
    [/^error: unknown option '([^']*)'/m, '错误：未知选项 \'$1\''],
    [/^error: unknown command '([^']*)'/m, '错误：未知命令 \'$1\''],
    [/^error: missing required argument '([^']*)'/m, '错误：缺少参数 \'$1\''],
    [/^error: required option '([^']*)' not specified/m, '错误：必须给出选项 \'$1\''],
    [/^error: option '([^']*)' argument missing/m, '错误：选项 \'$1\' 缺少值'],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^\n]*)\./m, '错误：选项 \'$1\' 的值 \'$2\' 无效，可选的值：$3。'],
    [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./m, '错误：参数过多，应有 $2 个，给了 $3 个。'],
    [/\(Did you mean ([^?]*)\?\)/, '（是否想用 $1？）'],
  ];
  let out = text;
  for (const [re, replacement] of rules) out = out.replace(re, replacement);
  return out;
}

/** Characters a terminal shows two cells wide (Han, kana, Hangul, full-width forms, CJK punctuation). */
const WIDE_CHAR = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
/** Marks that must not begin a line, and marks that must not end one. */
const NO_LINE_START = new Set('，。、；：！？）》」』】〉’”…—～·');
const NO_LINE_END = new Set('（《「『【〈‘“');
const ANSI = /\u001b\[[0-9;]*m/g;

/** Terminal cells taken by `text` (ANSI colour codes take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += WIDE_CHAR.test(ch) ? 2 : 1;
  return width;
}

/**
 * The pieces a line may be broken between: at spaces (a space stays with the piece after
 * it), and between two Chinese characters, as Chinese has no spaces, except before a closing
 * mark or after an opening one. A path or word with Han in it (`out/<卷>.pdf`) stays whole.
 */
function breakable(line: string): string[] {
  const pieces: string[] = [];
  for (const word of line.match(/\s*\S+/g) ?? []) {
    const chars = [...word];
    let piece = '';
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const prev = chars[i - 1];
      if (piece.trim() !== '' && prev !== undefined && WIDE_CHAR.test(prev) && WIDE_CHAR.test(ch) && !NO_LINE_START.has(ch) && !NO_LINE_END.has(prev)) {
        pieces.push(piece);
        piece = '';
      }
      piece += ch;
    }
    pieces.push(piece);
  }
  return pieces;
}

/** Wrap to `width` terminal cells (see breakable()). */
export function wrapText(text: string, width: number): string {
  return text.split(/\r?\n/).map((line) => {
    const lines: string[] = [];
    let cur = '';
    let curWidth = 0;
    for (const piece of breakable(line)) {
      const w = displayWidth(piece);
      if (curWidth + w > width && cur.trim() !== '') {
        lines.push(cur.trimEnd());
        cur = piece.trimStart();
        curWidth = displayWidth(cur);
      } else {
        cur += piece;
        curWidth += w;
      }
    }
    lines.push(cur.trimEnd());
    return lines.join('\n');
  }).join('\n');
}

/** Help settings: translated section titles, Chinese-aware width and wrapping, bold titles when coloured. */
export function helpConfiguration(bold: (s: string) => string, lang: Lang = current): Partial<Help> {
  const titles = messages(lang).titles;
  const extra = (text: string) => (lang === 'en' ? text : text
    .replace(/\(default: ([^)]*)\)/g, '（默认：$1）')
    .replace(/\(choices: ([^)]*)\)/g, '（可选：$1）')
    .replace(/\(default: ([^,)]*), choices: ([^)]*)\)/g, '（默认：$1；可选：$2）')
    .replace(/ （/g, '（'));
  return {
    styleTitle: (title: string) => bold(titles[title] ?? title),
    displayWidth,
    optionDescription(this: Help, option: Option): string {
      return extra(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument): string {
      return extra(Help.prototype.argumentDescription.call(this, argument));
    },
    boxWrap(this: Help, text: string, width: number): string {
      return width < this.minWidthToWrap ? text : wrapText(text, width);
    },
  };
}
