/** Preview defaults (a module of its own, so the CLI can show them without loading the renderer). */

/** Resolution of the page images. */
export const DEFAULT_DPI = 100;
/** Resolution of the contact sheet's thumbnails. */
export const THUMBNAIL_DPI = 30;
/** Thumbnails per row of the contact sheet. */
export const PER_ROW = 4;
/** Thumbnails per contact sheet: ten rows of four, about 3,300 px tall at 30 dpi; a book's pages go on several sheets. */
export const PER_SHEET = 40;
