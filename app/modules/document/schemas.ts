/** The forms of drafts and sections, shared by the actions and the browser. */
import { z } from "zod";

export const MAX_PASTE_CHARACTERS = 1_000_000;
export const MAX_BODY_CHARACTERS = 200_000;
export const MAX_SECTION_HEADING = 300;

/** Browsers send textareas with CRLF; bodies are stored with LF only (and never a NUL, which PostgreSQL refuses). */
const markdown = (max: number, message: string) =>
  z
    .string()
    .optional()
    .default("")
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(/\u0000/g, "").trim())
    .pipe(z.string().max(max, message));

const heading = (message: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s\u0000]+/g, " ").trim())
    .pipe(z.string().min(1, message).max(MAX_SECTION_HEADING, `Keep the heading under ${MAX_SECTION_HEADING} characters`));

/** The upload page: a file (checked by the action) or pasted Markdown. */
export const DraftUploadSchema = z.object({
  markdown: markdown(MAX_PASTE_CHARACTERS, "The pasted text is too long: upload it as a file instead"),
});

const versionTitle = z
  .string()
  .trim()
  .min(3, "Give the version a title of at least 3 characters")
  .max(200, "Keep the title under 200 characters");

const versionNote = z.string().trim().max(2000, "Keep the note under 2,000 characters").optional().default("");

/** The import preview: the version's title and note, and every section's heading and body. */
export function previewSchema(count: number) {
  const shape: Record<string, z.ZodType> = { title: versionTitle, note: versionNote };
  for (let i = 0; i < count; i++) {
    shape[`heading-${i}`] = heading(`Give section ${i + 1} a heading`);
    shape[`body-${i}`] = markdown(MAX_BODY_CHARACTERS, `Section ${i + 1} is too long: split it into several sections`);
  }
  return z.object(shape);
}

export const SectionEditSchema = z.object({
  heading: heading("Give the section a heading"),
  body: markdown(MAX_BODY_CHARACTERS, "This text is too long: split it into several sections"),
  tags: z
    .string()
    .optional()
    .default("")
    .transform((s) => [...new Set(s.split(/[,\n]/).map((t) => t.trim().replace(/\s+/g, " ")).filter(Boolean))])
    .refine((tags) => tags.length <= 30, "Give at most 30 tags")
    .refine((tags) => tags.every((t) => t.length <= 60), "Keep each tag under 60 characters"),
  baseline: z.string().min(1, "Reload the page and try again"),
});

export const SplitSchema = z.object({
  at: z.coerce
    .number({ error: "Choose the paragraph that starts the new section" })
    .int("Choose the paragraph that starts the new section")
    .min(2, "Choose the paragraph that starts the new section"),
  heading: heading("Give the new section a heading"),
});
