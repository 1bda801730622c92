/**
 * Packages loaded from node_modules the first time they are used, not imported. The startup
 * snapshot (src/cli/snapshot) bundles every module that is imported, and every command then
 * reads and deserialises all of it, at about 13 ms a megabyte of snapshot here: a package that
 * few commands use costs less loaded by those that use it (fontkit, which the book's TrueType
 * faces do not need; pinyin-pro, which names the folders of `new` and `import`; diff, which
 * `proof --diff` compares with).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loaded = new Set<string>();

/** The package `name` as `require` gives it, loaded on the first call of the function returned. */
export function loadWhenAsked<T>(name: string): () => T {
  let required: T | undefined;
  return () => {
    if (required === undefined) {
      required = require(name) as T;
      loaded.add(name);
    }
    return required;
  };
}

/** Whether this process has loaded the package `name` through `loadWhenAsked` (for the tests). */
export function packageLoaded(name: string): boolean {
  return loaded.has(name);
}
