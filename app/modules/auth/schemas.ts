/** Sign-in forms. Messages are keys of the "common" namespace (validation.*). */
import { z } from "zod";

const email = z
  .string({ error: "validation.emailMissing" })
  .trim()
  .min(1, "validation.emailMissing")
  .pipe(z.email("validation.emailFormat"));

export const SignInRequestSchema = z.object({
  email,
  redirectTo: z.string().optional(),
});

export const SignInCodeSchema = z.object({
  email,
  code: z
    .string({ error: "validation.codeMissing" })
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().min(1, "validation.codeMissing").regex(/^\d{8}$/, "validation.codeFormat")),
  redirectTo: z.string().optional(),
});
