/**
 * The worklist's forms, shared by the actions and the browser (client-safe: no .server).
 * Labels live here too, so the list, the item page and the exports name things alike.
 */
import { z } from "zod";

export const WORKLIST_STATUSES = [
  { id: "OPEN", label: "Open" },
  { id: "ACCEPTED", label: "Accepted" },
  { id: "ACCEPTED_WITH_CHANGES", label: "Accepted with changes" },
  { id: "NOT_ACCEPTED", label: "Not accepted" },
  { id: "NOTED", label: "Noted" },
  { id: "REFERRED", label: "Referred" },
] as const;
export const WORKLIST_TYPES = [
  { id: "GENERAL", label: "General" },
  { id: "TECHNICAL", label: "Technical" },
  { id: "EDITORIAL", label: "Editorial" },
] as const;
export const WORKLIST_PRIORITIES = [
  { id: "HIGH", label: "High" },
  { id: "MEDIUM", label: "Medium" },
  { id: "LOW", label: "Low" },
] as const;

export const WORKLIST_SORTS = [
  { id: "updated", label: "Recently changed" },
  { id: "priority", label: "Priority, high first" },
  { id: "section", label: "Section" },
  { id: "status", label: "Status" },
  { id: "created", label: "Oldest first" },
] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number]["id"];

export type WorklistStatusId = (typeof WORKLIST_STATUSES)[number]["id"];
export type WorklistTypeId = (typeof WORKLIST_TYPES)[number]["id"];
export type WorklistPriorityId = (typeof WORKLIST_PRIORITIES)[number]["id"];

const ids = <T extends ReadonlyArray<{ id: string }>>(list: T) => list.map((x) => x.id) as unknown as [T[number]["id"], ...Array<T[number]["id"]>];
export const STATUS_IDS = ids(WORKLIST_STATUSES);
export const TYPE_IDS = ids(WORKLIST_TYPES);
export const PRIORITY_IDS = ids(WORKLIST_PRIORITIES);

export const statusLabel = (id: string) => WORKLIST_STATUSES.find((s) => s.id === id)?.label ?? id;
export const typeLabel = (id: string) => WORKLIST_TYPES.find((s) => s.id === id)?.label ?? id;
export const priorityLabel = (id: string) => WORKLIST_PRIORITIES.find((s) => s.id === id)?.label ?? id;

/**
 * "Done" is not a decision: the next draft marks an accepted item done in that version
 * (`resolvedInVersionId`) and the decision stays. Only these decisions can be done by a change.
 */
export const RESOLVABLE_STATUSES: readonly WorklistStatusId[] = ["ACCEPTED", "ACCEPTED_WITH_CHANGES"];
export const isResolvable = (status: string) => (RESOLVABLE_STATUSES as readonly string[]).includes(status);

/** "Accepted — done in version 2", or the decision alone. */
export const decisionLabel = (status: string, doneInVersion: number | null | undefined) =>
  doneInVersion ? `${statusLabel(status)} — done in version ${doneInVersion}` : statusLabel(status);

/** The worklist's "Done" filter: items a later version resolved, whatever their decision. */
export const DONE_FILTER = { id: "DONE", label: "Done in a later version" } as const;

/** A decision needs its reason; "open" is no decision. */
export const needsRationale = (status: string) => status !== "OPEN";

/** "" = the document as a whole. */
export const WHOLE_DOCUMENT = "";

const trimmed = (max: number, message: string) =>
  z.string().optional().default("").transform((v) => v.trim()).pipe(z.string().max(max, message));
const summary = z
  .string()
  .optional()
  .default("")
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "Write a summary of the change").max(2000, "Keep the summary under 2,000 characters"));
const answerIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(z.string()).max(500, "Choose at most 500 answers for one item"));

/** A new item, by hand or from selected answers (analysts propose; it starts open). */
export const newItemSchema = z.object({
  roundId: z.string().optional().default(""),
  sectionKey: z.string().optional().default(WHOLE_DOCUMENT),
  summary,
  type: z.enum(TYPE_IDS, { error: "Choose the type of change" }),
  priority: z.enum(PRIORITY_IDS, { error: "Choose a priority" }),
  ownerId: z.string().optional().default(""),
  answerId: answerIds,
});
export type NewItemInput = z.infer<typeof newItemSchema>;

/** Editing and deciding an item (coordinators): `revision` is the one the form was read at. */
export const itemDecisionSchema = z
  .object({
    summary,
    type: z.enum(TYPE_IDS, { error: "Choose the type of change" }),
    priority: z.enum(PRIORITY_IDS, { error: "Choose a priority" }),
    ownerId: z.string().optional().default(""),
    status: z.enum(STATUS_IDS, { error: "Choose a decision" }),
    rationale: trimmed(5000, "Keep the rationale under 5,000 characters"),
    revision: z.coerce.number().int().min(1, "Reload the page: the form is out of date"),
  })
  .superRefine((v, ctx) => {
    if (needsRationale(v.status) && !v.rationale) {
      ctx.addIssue({ code: "custom", path: ["rationale"], message: "Give the reason for the decision" });
    }
  });
export type ItemDecisionInput = z.infer<typeof itemDecisionSchema>;
