import { z } from "zod";

export const CONSULTATION_LANGUAGES = [
  { id: "en", label: "English" },
  { id: "fr", label: "Français" },
  { id: "es", label: "Español" },
  { id: "ar", label: "العربية" },
] as const;

const languageIds = CONSULTATION_LANGUAGES.map((l) => l.id) as [string, ...string[]];

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const ConsultationSchema = z.object({
  title: z.string().trim().min(3, "Give the consultation a title of at least 3 characters").max(200, "Keep the title under 200 characters"),
  summary: z.string().trim().max(2000, "Keep the summary under 2,000 characters").optional().default(""),
  languages: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(languageIds)).min(1, "Choose at least one language")),
  /** The language the draft is written in (default: the first ticked); stored first in `languages`. */
  originalLanguage: z.preprocess((v) => (v === "" ? undefined : v), z.enum(languageIds, { error: "Choose one of the languages offered" }).optional()),
  timeZone: z.string().trim().refine(isTimeZone, "Enter a time zone such as Europe/Vienna or America/Panama"),
}).transform(({ originalLanguage, ...v }) => {
  // The original runs too, whether or not its box was ticked.
  const original = originalLanguage ?? v.languages[0]!;
  return { ...v, languages: [original, ...v.languages.filter((l) => l !== original)] };
});

export const MemberSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address in the right format, like name@example.org")),
  name: z.string().trim().max(120).optional().default(""),
  role: z.enum(["COORDINATOR", "ANALYST"], { error: "Choose coordinator or analyst" }),
});
