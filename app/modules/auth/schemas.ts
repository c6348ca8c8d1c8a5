import { z } from "zod";

const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .pipe(z.email("Enter an email address in the right format, like name@example.org"));

export const SignInRequestSchema = z.object({
  email,
  redirectTo: z.string().optional(),
});

export const SignInCodeSchema = z.object({
  email,
  code: z
    .string({ error: "Enter the code from the email" })
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().min(1, "Enter the code from the email").regex(/^\d{8}$/, "The code is 8 digits, like 1234 5678")),
  redirectTo: z.string().optional(),
});
