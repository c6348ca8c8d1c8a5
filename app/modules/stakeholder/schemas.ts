/** The stakeholder registry's forms, one zod schema each, shared by actions and the browser. */
import { z } from "zod";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import { COUNTRY_CODES } from "./countries";

export const CONTACT_ROLES = [
  { id: "CONTRIBUTOR", label: "Contributor", hint: "drafts answers" },
  { id: "SUBMITTER", label: "Submitter", hint: "drafts and submits the organisation's response" },
] as const;

const languageIds = CONSULTATION_LANGUAGES.map((l) => l.id) as [string, ...string[]];

const checkboxList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const OrganisationSchema = z.object({
  name: z.string().trim().min(2, "Enter the organisation's name").max(200, "Keep the name under 200 characters"),
  shortName: z.string().trim().max(40, "Keep the short name under 40 characters").optional().default(""),
  typeId: z.string({ error: "Choose the type of stakeholder" }).min(1, "Choose the type of stakeholder"),
  country: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((c) => c === "" || COUNTRY_CODES.has(c), "Choose a country from the list, or none"),
  languages: checkboxList.pipe(z.array(z.enum(languageIds)).min(1, "Choose at least one language")),
  survivorLed: z.enum(["yes", "no"], { error: "Say whether the organisation is led by survivors" }).transform((v) => v === "yes"),
});

export const ContactSchema = z.object({
  contactId: z.string().optional().default(""),
  // Not "name": the organisation's form on the same page has that field.
  contactName: z.string().trim().min(1, "Enter the person's name").max(120, "Keep the name under 120 characters"),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address in the right format, like name@example.org")),
  language: z.enum(languageIds, { error: "Choose the language they read" }),
  role: z.enum(["CONTRIBUTOR", "SUBMITTER"], { error: "Choose contributor or submitter" }),
  isFocalPoint: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export const StakeholderTypeSchema = z.object({
  label: z.string().trim().min(2, "Enter a name for the type").max(120, "Keep the name under 120 characters"),
  // Keys are what rounds store in their audience; they never change once made.
  key: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .default("")
    .refine((k) => k === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k), "Use lower-case letters, digits and hyphens, like survivor-org"),
  label_fr: z.string().trim().max(120).optional().default(""),
  label_es: z.string().trim().max(120).optional().default(""),
  label_ar: z.string().trim().max(120).optional().default(""),
});

export type OrganisationInput = z.infer<typeof OrganisationSchema>;
export type ContactInput = z.infer<typeof ContactSchema>;
export type StakeholderTypeInput = z.infer<typeof StakeholderTypeSchema>;
