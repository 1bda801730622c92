/**
 * The font configuration (fonts/fonts.yaml): which face each typographic role uses,
 * and the fallback faces for characters a role's face lacks. Each face is opened once
 * and shared by the typesetter and the PDF writer.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { ContentError, Diagnostics } from '../content/diagnostics.js';
import { FileCache, fileCachesEnabled } from '../content/file-cache.js';
import { parseForSnapshot, readYaml } from '../content/yaml-file.js';
import { FontFace, type GlyphInfo } from './font-face.js';

export const ROLES = ['body', 'heading', 'strong', 'emphasis', 'caption', 'box', 'running_head', 'latin_title'] as const;
export type FontRole = (typeof ROLES)[number];

const faceSchema = z.union([
  z.strictObject({ package: z.string(), file: z.string() }),
  z.strictObject({ path: z.string() }),
]);
const configSchema = z.strictObject({
  faces: z.record(z.string(), faceSchema),
  roles: z.strictObject(Object.fromEntries(ROLES.map((r) => [r, z.string()])) as Record<FontRole, z.ZodString>),
  fallback: z.array(z.string()).default([]),
});

/** A glyph chosen for a character: the face it comes from and its metrics. */
export interface ResolvedGlyph extends GlyphInfo {
  face: FontFace;
  /** True when it came from a fallback face. */
  fallback: boolean;
}

export class FontSet {
  /** Resolved glyphs per role and code point (null: no face has it). */
  private readonly resolved = new Map<FontRole, Map<number, ResolvedGlyph | null>>();

  constructor(
    private readonly roles: Record<FontRole, FontFace>,
    /** Opened on first use: most books never need them. */
    private readonly fallbacks: (() => FontFace)[],
  ) {}

  face(role: FontRole): FontFace {
    return this.roles[role];
  }

  /** The face of this name: a role's face or a fallback face (a laid-out page names its faces so). */
  faceNamed(name: string): FontFace {
    const face = Object.values(this.roles).find((f) => f.name === name) ?? this.fallbacks.map((open) => open()).find((f) => f.name === name);
    if (!face) throw new Error(`no font face named '${name}' in the font configuration`);
    return face;
  }

  /** The glyph for a code point in a role, trying the fallback faces; undefined if no face has it. */
  resolve(role: FontRole, codePoint: number): ResolvedGlyph | undefined {
    let cache = this.resolved.get(role);
    if (!cache) this.resolved.set(role, (cache = new Map()));
    let r = cache.get(codePoint);
    if (r === undefined) {
      r = this.lookup(role, codePoint) ?? null;
      cache.set(codePoint, r);
    }
    return r ?? undefined;
  }

  /** Each role's face as its name, file and size: what a layout depends on (layout/resume.ts). */
  files(): string[] {
    return ROLES.map((r) => `${r}=${this.roles[r].name}:${path.basename(this.roles[r].file)}:${fs.statSync(this.roles[r].file).size}`);
  }

  private lookup(role: FontRole, codePoint: number): ResolvedGlyph | undefined {
    const face = this.roles[role];
    const g = face.glyph(codePoint);
    // Fields named, not spread: a spread took 3–5 µs in the interpreter a proof runs in, as long
    // as the rest of the lookup, and a proof looks up every character of its 类目 in each role.
    if (g.id !== 0) return { id: g.id, advance: g.advance, face, fallback: false };
    for (const open of this.fallbacks) {
      const f = open();
      const fg = f.glyph(codePoint);
      if (fg.id !== 0) return { id: fg.id, advance: fg.advance, face: f, fallback: true };
    }
    return undefined;
  }

}

export function fontsDir(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fonts');
}

/** Font sets opened by this process, by folder. */
const loaded = new Map<string, FontSet>();
const fontSets = new FileCache<FontSet>({ watched: false });

/** Forget every font set this process opened (the startup snapshot's warm-up run: their files' data is not to be saved with it). */
export function forgetOpenedFonts(): void {
  loaded.clear();
}

/** Parse the font configuration into the startup snapshot: a command reading the same text takes it as it is (yaml-file.ts). */
export function parseFontConfigForSnapshot(dir = fontsDir()): void {
  const file = path.join(dir, 'fonts.yaml');
  parseForSnapshot({ file, text: fs.readFileSync(file, 'utf8'), firstLine: 1 }, configSchema);
}

/**
 * The font configuration in `dir`, with its faces opened: once per process, but for a process
 * that keeps what it read (proof --watch), which opens it again once fonts.yaml has changed
 * (a fallback face added for a character no face had, say). It lies outside the edition, so
 * its file is compared with the disk on each use.
 */
export function loadFonts(dir = fontsDir()): FontSet {
  const file = path.join(dir, 'fonts.yaml');
  if (fileCachesEnabled()) return fontSets.get(file, () => openFonts(dir, file));
  const key = path.resolve(dir);
  let set = loaded.get(key);
  if (!set) loaded.set(key, (set = openFonts(dir, file)));
  return set;
}

function openFonts(dir: string, file: string): FontSet {
  const diagnostics = new Diagnostics();
  const config = readYaml({ file, text: fs.readFileSync(file, 'utf8'), firstLine: 1 }, configSchema, diagnostics);
  if (!config) throw new ContentError(diagnostics.items);
  const require = createRequire(file);
  const opened = new Map<string, FontFace>();
  const open = (name: string): FontFace => {
    const existing = opened.get(name);
    if (existing) return existing;
    const spec = config.faces[name];
    if (!spec) {
      diagnostics.error(file, 1, 1, `face '${name}' is not defined under 'faces' (defined: ${Object.keys(config.faces).join(', ')})`);
      throw new ContentError(diagnostics.items);
    }
    const fontFile = 'path' in spec
      ? path.resolve(dir, spec.path)
      : path.join(path.dirname(require.resolve(`${spec.package}/package.json`)), spec.file);
    if (!fs.existsSync(fontFile)) {
      diagnostics.error(file, 1, 1, `font file for face '${name}' not found: ${fontFile} (run 'npm ci', or fix the path)`);
      throw new ContentError(diagnostics.items);
    }
    const face = FontFace.open(name, fontFile);
    opened.set(name, face);
    return face;
  };
  const roles = Object.fromEntries(ROLES.map((r) => [r, open(config.roles[r])])) as Record<FontRole, FontFace>;
  return new FontSet(roles, config.fallback.map((name) => () => open(name)));
}
