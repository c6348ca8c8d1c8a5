/** The summary editor's form: an introduction and the themes of each section (client-safe). */
import { z } from "zod";

export const MAX_SUMMARY_TEXT = 20_000;

/** The key under which themes about the document as a whole are kept. */
export const WHOLE_DOCUMENT = "";

const markdown = z
  .string()
  .optional()
  .default("")
  .transform((s) => s.replace(/\r\n?/g, "\n").replace(/\u0000/g, "").trim())
  .pipe(z.string().max(MAX_SUMMARY_TEXT, `Keep this text under ${MAX_SUMMARY_TEXT.toLocaleString("en-GB")} characters`));

/** The field of a section's themes; "" is the document as a whole. */
export const themesField = (sectionKey: string) => `themes:${sectionKey}`;

export function summaryTextSchema(sectionKeys: string[]) {
  const shape: Record<string, z.ZodType<string>> = { intro: markdown };
  for (const key of sectionKeys) shape[themesField(key)] = markdown;
  return z.object(shape);
}
