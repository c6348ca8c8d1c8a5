import { z } from "zod";

export const OFFLINE_CHANNELS = [
  { id: "LETTER", label: "Letter" },
  { id: "NOTE_VERBALE", label: "Note verbale" },
  { id: "EMAIL", label: "Email" },
  { id: "MEETING", label: "Meeting" },
  { id: "COMMENT_TABLE", label: "Comment table" },
  { id: "OTHER", label: "Other" },
] as const;

const today = () => new Date().toISOString().slice(0, 10);

/** What a coordinator says about a response received outside the platform. */
export const OfflineResponseSchema = z.object({
  organisationId: z.string({ error: "Choose the organisation" }).min(1, "Choose the organisation"),
  channel: z.enum(["LETTER", "NOTE_VERBALE", "EMAIL", "MEETING", "COMMENT_TABLE", "OTHER"], { error: "Choose how the views were received" }),
  receivedAt: z
    .string({ error: "Enter the date the views were received" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the views were received, like 2026-11-20")
    .refine((v) => !Number.isNaN(new Date(`${v}T12:00:00Z`).getTime()), "That date does not exist")
    .refine((v) => v <= today(), "The date cannot be in the future"),
  attribution: z.enum(["PUBLIC", "TYPE_ONLY", "CONFIDENTIAL"], { error: "Choose how the response may be attributed" }),
  consent: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});

export type OfflineResponseMeta = z.infer<typeof OfflineResponseSchema>;
