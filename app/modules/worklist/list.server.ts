/**
 * The consultation's worklist, filtered and sorted from the page's GET parameters. Unknown or
 * malformed values are ignored (the list shows as if the filter were not there), never a 500.
 */
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import {
  DONE_FILTER,
  PRIORITY_IDS,
  STATUS_IDS,
  TYPE_IDS,
  WORKLIST_SORTS,
  type WorklistPriorityId,
  type WorklistSort,
  type WorklistStatusId,
  type WorklistTypeId,
} from "./schemas";

export type WorklistFilter = {
  /** A decision, or "DONE": done in a later version, whatever the decision. */
  status?: WorklistStatusId | typeof DONE_FILTER.id;
  type?: WorklistTypeId;
  priority?: WorklistPriorityId;
  sectionKey?: string; // "" = whole document
  ownerId?: string; // "none" = nobody
  roundId?: string;
  sort: WorklistSort;
  page: number;
};

/** Items per page: offset paging with bookmarkable links, as the written answers (decision 009). */
export const WORKLIST_PAGE_SIZE = 100;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseWorklistFilter(params: URLSearchParams): WorklistFilter {
  const text = (name: string) => {
    const v = params.get(name);
    return v && v.length <= 200 ? v : undefined;
  };
  return {
    status: oneOf([...STATUS_IDS, DONE_FILTER.id], params.get("status")),
    type: oneOf(TYPE_IDS, params.get("type")),
    priority: oneOf(PRIORITY_IDS, params.get("priority")),
    sectionKey: params.get("section") === "document" ? "" : text("section"),
    ownerId: text("owner"),
    roundId: text("round"),
    sort: oneOf(WORKLIST_SORTS.map((s) => s.id), params.get("sort")) ?? "updated",
    page: Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1)),
  };
}

const ORDER: Record<WorklistSort, Prisma.WorklistItemOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }],
  // Prisma sorts enums in declaration order: HIGH is declared last.
  priority: [{ priority: "desc" }, { updatedAt: "desc" }],
  section: [{ sectionKey: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
  status: [{ status: "asc" }, { updatedAt: "desc" }],
  created: [{ createdAt: "asc" }],
};

export async function worklist(consultationId: string, filter: WorklistFilter) {
  const base: Prisma.WorklistItemWhereInput = {
    consultationId,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.priority ? { priority: filter.priority } : {}),
    ...(filter.sectionKey !== undefined ? { sectionKey: filter.sectionKey || null } : {}),
    ...(filter.ownerId ? { ownerId: filter.ownerId === "none" ? null : filter.ownerId } : {}),
    ...(filter.roundId ? { roundId: filter.roundId } : {}),
  };
  const where: Prisma.WorklistItemWhereInput = {
    ...base,
    ...(filter.status === DONE_FILTER.id ? { resolvedInVersionId: { not: null } } : filter.status ? { status: filter.status } : {}),
  };
  const [items, matching, byStatus, done] = await Promise.all([
    db().worklistItem.findMany({
      where,
      // The id last: a stable order, so no item is skipped or repeated between pages.
      orderBy: [...ORDER[filter.sort], { id: "asc" }],
      skip: (filter.page - 1) * WORKLIST_PAGE_SIZE,
      take: WORKLIST_PAGE_SIZE,
      include: {
        owner: { select: { name: true } },
        round: { select: { number: true } },
        resolvedInVersion: { select: { number: true } },
        _count: { select: { sources: true } },
      },
    }),
    db().worklistItem.count({ where }),
    // Counts by status under the other filters, so each count says what choosing it would show.
    db().worklistItem.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    db().worklistItem.count({ where: { ...base, resolvedInVersionId: { not: null } } }),
  ]);
  const counts = Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Partial<Record<WorklistStatusId, number>>;
  return { items, matching, counts, done, total: byStatus.reduce((n, g) => n + g._count._all, 0) };
}
