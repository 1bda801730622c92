/** The marker files of an edition's folders (see docs/content-format.md). */
export const EDITION_FILE = 'edition.yaml';
export const CATEGORY_FILE = 'category.yaml';
export const SECTION_FILE = 'section.yaml';
