import { z } from "zod";

export const ATTRIBUTIONS = ["PUBLIC", "TYPE_ONLY", "CONFIDENTIAL"] as const;

/** English labels, for the coordinators' pages (respondents read them in the "review" namespace). */
export const ATTRIBUTION_CHOICES = [
  { id: "PUBLIC", label: "Published with our organisation's name" },
  { id: "TYPE_ONLY", label: "Shown only by type of stakeholder (for example “a survivor organisation”), without our name" },
  { id: "CONFIDENTIAL", label: "Confidential: seen only by the coordinators" },
] as const;

/** The respondent's submit form. Messages are keys of the "review" namespace. */
export const SubmitSchema = z.object({
  attribution: z.enum(ATTRIBUTIONS, { error: "error.attribution" }),
  consent: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
  /** Made by the page for each submit form: a replay of the same post stores nothing new. */
  submitKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional()
    .catch(undefined),
});
