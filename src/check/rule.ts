/** What a text rule is: it looks at every printed text of an edition and reports what is wrong. */
import type { Severity } from '../content/diagnostics.js';
import type { TextSite } from './sites.js';

/** Report a problem at character `index` of a site; the message says what to do. */
export type Report = (site: TextSite, index: number, severity: Severity, message: string) => void;

export type Rule = (sites: readonly TextSite[], report: Report) => void;
