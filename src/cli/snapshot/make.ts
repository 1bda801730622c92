/**
 * Makes the startup snapshot (./snapshot-files.ts), the last step of `npm run compile`:
 * bundles ./entry.js with the packages it uses into one CommonJS file, as `node
 * --build-snapshot` needs, runs it to save the heap, then writes the stamp.
 * Where that fails, the command still works, only slower to start: this says so and ends
 * without error (YEARBOOK_SNAPSHOT=1, used by the tests, makes bin/yearbook refuse to run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { BLOB, BUNDLE, FLAGS, NODE_FLAGS, NODE_LINK, NODE_VERSION, SNAPSHOT_DIR, currentStamp, removeSnapshot, writeStamp } from './snapshot-files.js';

const ENTRY = fileURLToPath(new URL('./entry.js', import.meta.url));
const PREVIEW = fileURLToPath(new URL('../../preview/preview.js', import.meta.url));

async function bundle(): Promise<void> {
  await build({
    input: ENTRY,
    platform: 'node',
    logLevel: 'silent',
    // Without comments and line breaks and in ASCII (other characters escaped), the bundle's
    // source is kept in the snapshot in one byte a character rather than two: 4.7 → 2.0 MB.
    // The source map is written beside it without a comment in it that names it (the
    // bundle's text stays as it was): bench/profile.mjs --snapshot reads it.
    output: { file: BUNDLE, format: 'cjs', sourcemap: 'hidden', codeSplitting: false, charset: 'ascii', minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } } },
    plugins: [
      {
        name: 'own-module-url',
        // Every module keeps its own URL, so files found beside it (our fonts and templates,
        // the layout worker, pdfkit's ICC profile and standard fonts) are found where they are.
        transform(code, id) {
          if (!code.includes('import.meta.url')) return null;
          return { code: code.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(id).href)), map: lineMap(id, code) };
        },
      },
      {
        name: 'fontkit-when-asked',
        // fontkit is loaded the first time a face needs it (src/fonts/font-face.ts), which the
        // sample's TrueType faces never do: pdfkit's import of it is given this stand-in, which
        // loads it from node_modules then, so that the snapshot holds none of it (its modules,
        // tables and shapers were 13 ms of deserialising every command's snapshot).
        load(id) {
          if (!id.includes(`${path.sep}node_modules${path.sep}fontkit${path.sep}`)) return null;
          return `import { createRequire } from 'node:module';\nlet fontkit;\nexport function create(...args) { return (fontkit ??= createRequire(${JSON.stringify(id)})('fontkit')).create(...args); }`;
        },
      },
      {
        name: 'no-pdf-encryption',
        // pdfkit encrypts a PDF with AES when given a password, and its AES module builds 1.3 MB
        // of lookup tables as it loads, which the snapshot would carry into every command. Our
        // PDFs are never encrypted (PDF/A forbids it), so pdfkit is never given a password.
        load(id) {
          if (!id.endsWith(path.join('@noble', 'ciphers', 'esm', 'aes.js'))) return null;
          return "const refuse = () => { throw new Error('PDFs are not encrypted'); };\nexport const cbc = refuse;\nexport const ecb = refuse;";
        },
      },
      {
        name: 'preview-outside',
        // Preview draws its pages in a process of its own (./entry.ts): its drawing code is not bundled.
        load(id) {
          if (id !== PREVIEW) return null;
          return "throw new Error('yearbook preview does not run from the startup snapshot');";
        },
      },
    ],
  });
}

/**
 * A source map taking each line of a module to the same line of `id` (a replacement within
 * lines moves columns only): the bundle's map (yearbook.cjs.map, which bench/profile.mjs
 * reads to say where the time of a run from the snapshot goes) then still names the module.
 */
function lineMap(id: string, code: string): { version: number; sources: string[]; names: string[]; mappings: string } {
  const lines = code.split('\n').length;
  return { version: 3, sources: [id], names: [], mappings: 'AAAA' + ';AACA'.repeat(lines - 1) };
}

function snapshot(): string | undefined {
  // Written beside and renamed, so bin/yearbook never finds half a blob.
  const part = `${BLOB}.part`;
  const r = spawnSync(process.execPath, [...NODE_FLAGS, '--no-warnings', '--snapshot-blob', part, '--build-snapshot', BUNDLE], { cwd: SNAPSHOT_DIR, encoding: 'utf8' });
  if (r.status === 0) {
    // What the snapshot's own run said (a warm-up that failed: ./warm-up.ts).
    if (r.stderr.trim()) console.error(`yearbook: ${r.stderr.trim()}`);
    fs.writeFileSync(FLAGS, NODE_FLAGS.join(' ') + '\n');
    fs.renameSync(part, BLOB);
    fs.symlinkSync(fs.realpathSync(process.execPath), NODE_LINK);
    fs.writeFileSync(NODE_VERSION, process.version + '\n');
    return undefined;
  }
  fs.rmSync(part, { force: true });
  return (r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join('\n')) || `node exited with ${r.status ?? r.signal}`;
}

removeSnapshot();
fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
const started = performance.now();
let failed: string | undefined;
try {
  await bundle();
  failed = snapshot();
} catch (e) {
  failed = e instanceof Error ? e.message : String(e);
}
if (failed) {
  console.error(`yearbook: no startup snapshot made (the command will start about half a second slower): ${failed}`);
} else {
  writeStamp(currentStamp());
  const mb = (fs.statSync(BLOB).size / 2 ** 20).toFixed(1);
  console.log(`startup snapshot ${path.relative(process.cwd(), BLOB)} (${mb} MB) made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
