import { z } from "zod";

export const ATTRIBUTION_CHOICES = [
  { id: "PUBLIC", label: "Published with our organisation's name" },
  { id: "TYPE_ONLY", label: "Shown only by type of stakeholder (for example “a survivor organisation”), without our name" },
  { id: "CONFIDENTIAL", label: "Confidential: seen only by the coordinators" },
] as const;

export const SubmitSchema = z.object({
  attribution: z.enum(["PUBLIC", "TYPE_ONLY", "CONFIDENTIAL"], { error: "Choose how your response may be attributed" }),
  consent: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});
