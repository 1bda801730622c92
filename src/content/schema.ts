/**
 * The schemas of the content files. These are the single source of truth for what an
 * edition may contain; docs/content-format.md describes them for editors.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

export const editionSchema = z.strictObject({
  title: text,
  year: z.number().int().min(1900).max(2999),
  running_head: text.optional(),
  template: text.default('default'),
  /** The template version the edition was made with; an archived copy is used if the template moved on. */
  template_version: z.number().int().positive().optional(),
  compiler: text.optional(),
  publisher: text.optional(),
  language: text.default('zh-CN'),
  /** 版权页 lines in order, e.g. [{ 书号: ISBN 978-… }]; 开本, 印张 and 字数 are added when missing. */
  colophon: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).default([]),
  /** A Markdown file (relative to the edition) with the 编辑说明. */
  preface: text.optional(),
  /** Pinyin for terms or characters the index would sort wrongly (多音字, names): { 乐清: yue4 qing1 }. */
  pinyin: z.record(z.string(), z.string()).default({}),
  /** "See" references in the index: { 总工会: 上城区总工会 }. */
  index_see: z.record(z.string(), z.string()).default({}),
});

export const categorySchema = z.strictObject({
  title: text,
  title_en: text.optional(),
  order: z.number().int().optional(),
});

export const sectionSchema = z.strictObject({
  title: text,
  title_en: text.optional(),
  byline: text.optional(),
  order: z.number().int().optional(),
});

export const figureSchema = z.strictObject({
  image: text,
  caption: text,
  credit: text.optional(),
  credit_role: z.enum(['供稿', '摄']).default('供稿'),
  size: z.enum(['column', 'page', 'inset']).default('column'),
});

export const entrySchema = z.strictObject({
  title: text,
  order: z.number().int().optional(),
  figures: z.array(figureSchema).default([]),
  index: z.array(text).default([]),
});

export type EditionFile = z.infer<typeof editionSchema>;
export type CategoryFile = z.infer<typeof categorySchema>;
export type SectionFile = z.infer<typeof sectionSchema>;
export type EntryFrontMatter = z.infer<typeof entrySchema>;
