/**
 * A short digest of a text: what a proof compares to know that the sources before a page are
 * as the last build read them (layout/resume.ts). SHA-1 is plenty: nobody forges a yearbook entry.
 */
import crypto from 'node:crypto';

export function digest(text: string): string {
  return crypto.hash('sha1', text, 'base64url');
}
