/**
 * The forms of rounds and invitations, one zod schema each, shared by actions and the
 * browser. Dates are typed as wall-clock times ("2026-06-30T17:00") in the round's time zone
 * and leave the schema as UTC instants.
 */
import { z } from "zod";
import { isTimeZone, zonedTimeToUtc } from "./dates";

/** The days before closing a coordinator can have reminders sent on. */
export const REMINDER_DAY_CHOICES = [14, 7, 3, 2, 1] as const;
export const MAX_REMINDERS_LIMIT = 10;

const checkboxList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const localDateTime = z.string().optional().default("").transform((v) => v.trim());

const DATE_FORMAT = "Enter a date and time such as 2026-06-30 17:00";

export const RoundSchema = z
  .object({
    title: z.string().trim().min(3, "Give the round a title of at least 3 characters").max(200, "Keep the title under 200 characters"),
    versionId: z.string({ error: "Choose the version of the document" }).min(1, "Choose the version of the document"),
    instructions: z.string().trim().max(5000, "Keep the instructions under 5,000 characters").optional().default(""),
    timeZone: z.string().trim().refine(isTimeZone, "Enter a time zone such as Europe/Vienna or America/Panama"),
    opensAt: localDateTime,
    closesAt: localDateTime,
    reminderDays: checkboxList
      .transform((days) => days.map(Number))
      .refine((days) => days.every((d) => (REMINDER_DAY_CHOICES as readonly number[]).includes(d)), "Choose reminder days from the list"),
    maxReminders: z.coerce
      .number({ error: "Enter a whole number of reminders" })
      .int("Enter a whole number of reminders")
      .min(0, "Enter 0 or more reminders")
      .max(MAX_REMINDERS_LIMIT, `Send at most ${MAX_REMINDERS_LIMIT} reminders`),
  })
  .superRefine((v, ctx) => {
    // The maximum counts scheduled reminders too: days beyond it would silently never go out, and they are the last, most useful ones.
    const days = new Set(v.reminderDays).size;
    if (days > v.maxReminders) {
      ctx.addIssue({
        code: "custom",
        path: ["maxReminders"],
        message: `You chose ${days} reminder days but at most ${v.maxReminders} reminder${v.maxReminders === 1 ? "" : "s"} per organisation, so the last ${days - v.maxReminders === 1 ? "one" : days - v.maxReminders} would never be sent: raise the maximum to ${days} or more, or untick a day`,
      });
    }
    if (!isTimeZone(v.timeZone)) return; // already reported
    const opens = v.opensAt ? zonedTimeToUtc(v.opensAt, v.timeZone) : null;
    const closes = v.closesAt ? zonedTimeToUtc(v.closesAt, v.timeZone) : null;
    if (v.opensAt && !opens) ctx.addIssue({ code: "custom", path: ["opensAt"], message: DATE_FORMAT });
    if (v.closesAt && !closes) ctx.addIssue({ code: "custom", path: ["closesAt"], message: DATE_FORMAT });
    if (opens && closes && closes <= opens) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The round must close after it opens" });
  })
  .transform((v) => ({
    title: v.title,
    versionId: v.versionId,
    instructions: v.instructions,
    timeZone: v.timeZone,
    opensAt: v.opensAt ? zonedTimeToUtc(v.opensAt, v.timeZone) : null,
    closesAt: v.closesAt ? zonedTimeToUtc(v.closesAt, v.timeZone) : null,
    reminderDays: [...new Set(v.reminderDays)].sort((a, b) => b - a),
    maxReminders: v.maxReminders,
  }));

export type RoundInput = z.output<typeof RoundSchema>;

/** Choosing the audience: by stakeholder type, by organisation, or both. */
export const InviteSchema = z
  .object({
    audienceTypes: checkboxList,
    organisationIds: checkboxList,
  })
  .refine((v) => v.audienceTypes.length + v.organisationIds.length > 0, {
    path: ["audienceTypes"],
    message: "Choose at least one type of stakeholder or one organisation",
  });

/** A later deadline for one organisation, as a wall-clock time in the round's zone. */
export function extensionSchema(timeZone: string) {
  return z
    .object({
      invitationId: z.string().min(1),
      extendedUntil: z.string().trim().min(1, "Enter the new deadline"),
    })
    .superRefine((v, ctx) => {
      if (v.extendedUntil && !zonedTimeToUtc(v.extendedUntil, timeZone)) {
        ctx.addIssue({ code: "custom", path: ["extendedUntil"], message: DATE_FORMAT });
      }
    })
    .transform((v) => ({ invitationId: v.invitationId, extendedUntil: zonedTimeToUtc(v.extendedUntil, timeZone)! }));
}

/** The organisations ticked on the tracking page. */
export const ReminderSelectionSchema = z.object({
  invitationIds: checkboxList.pipe(z.array(z.string()).min(1, "Choose at least one organisation to remind")),
});
