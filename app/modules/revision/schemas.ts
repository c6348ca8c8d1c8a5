/** The form that links a section's change to the worklist items it resolves (client-safe). */
import { z } from "zod";

const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(500));

export const ResolveSchema = z.object({
  sectionKey: z.string().max(100),
  /** "<item id>@<revision>": each item shown, at the revision the page read it. */
  shown: list(
    z
      .string()
      .regex(/^[^@]{1,64}@\d{1,9}$/)
      .transform((v) => {
        const [id, revision] = v.split("@");
        return { id: id!, revision: Number(revision) };
      }),
  ),
  resolved: list(z.string().min(1).max(64)),
});
