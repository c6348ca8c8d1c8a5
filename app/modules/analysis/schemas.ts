/**
 * The written-answers page's one form (bulk actions on the selected answers, and the buttons
 * of each answer, which post the same form with `intent` naming the answer). Client-safe.
 */
import { z } from "zod";

export const TEXT_PAGE_SIZE = 50;
/** Counting stops here: "more than 1,000" is all a reader needs, and counting a million costs. */
export const COUNT_CAP = 1_000;
/** The section picker's key for questions about the document as a whole. */
export const DOCUMENT_KEY = "document";
/** ts_headline's marks around a match: characters nobody types, turned into <mark> by the page. */
export const MARK_START = "\u2060⟦";
export const MARK_END = "⟧\u2060";

export const BULK_INTENTS = ["tag", "reviewed", "unreviewed", "worklist"] as const;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(z.string()).max(500, "Choose at most 500 answers at once"));

/** `intent`: a bulk intent, or "note:<answerId>", "review:<answerId>", "unreview:<answerId>", "untag:<answerId>:<tagId>". */
export const answersFormSchema = z
  .object({
    intent: z.string().max(200),
    answerId: list,
    tagId: z.string().optional().default(""),
    newTag: z.string().optional().default("").transform((v) => v.trim()).pipe(z.string().max(80, "Keep the tag under 80 characters")),
  })
  .passthrough()
  .superRefine((v, ctx) => {
    const bulk = (BULK_INTENTS as readonly string[]).includes(v.intent);
    if (bulk && v.answerId.length === 0) ctx.addIssue({ code: "custom", path: ["answerId"], message: "Select at least one answer" });
    if (v.intent === "tag" && !v.tagId && !v.newTag) ctx.addIssue({ code: "custom", path: ["tagId"], message: "Choose a tag or name a new one" });
    const note = /^note:(.+)$/.exec(v.intent);
    if (note) {
      const body = String((v as Record<string, unknown>)[`note-${note[1]}`] ?? "").trim();
      if (!body) ctx.addIssue({ code: "custom", path: [`note-${note[1]}`], message: "Write the note" });
      if (body.length > 4000) ctx.addIssue({ code: "custom", path: [`note-${note[1]}`], message: "Keep the note under 4,000 characters" });
    }
  });
export type AnswersFormInput = z.infer<typeof answersFormSchema>;
