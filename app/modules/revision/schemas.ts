/** The form that links a section's change to the worklist items it resolves (client-safe). */
import { z } from "zod";

const ids = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(64)).max(500));

export const ResolveSchema = z.object({
  sectionKey: z.string().max(100),
  shown: ids,
  resolved: ids,
});
