/**
 * Packages loaded when first asked for (src/load-when-asked.ts): nothing is loaded until the
 * function is called, and then the package is the one `require` gives, once.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadWhenAsked, packageLoaded } from '../src/load-when-asked.js';

describe('a package loaded when asked for', () => {
  it('is loaded by the first call, not before, and is then the module require gives', () => {
    const diff = loadWhenAsked<{ diffArrays: unknown }>('diff');
    expect(packageLoaded('diff')).toBe(false);
    const first = diff();
    expect(packageLoaded('diff')).toBe(true);
    expect(first).toBe(createRequire(import.meta.url)('diff'));
    expect(diff()).toBe(first);
    expect(typeof first.diffArrays).toBe('function');
  });

  it('names the package it cannot find', () => {
    const missing = loadWhenAsked('no-such-package-here');
    expect(() => missing()).toThrow(/no-such-package-here/);
    expect(packageLoaded('no-such-package-here')).toBe(false);
  });
});
