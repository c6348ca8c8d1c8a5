/**
 * The worklist as a table for the coordinators' meeting papers: the items the page's filters
 * show, in its order, a page of the database at a time, as CSV or XLSX (modules/export).
 * Items carry no respondent's name, so the same table serves coordinators and analysts.
 */
import type { Table } from "~/modules/export/table";
import { parseWorklistFilter, worklist, WORKLIST_PAGE_SIZE, type WorklistFilter } from "./list.server";
import { decisionLabel, priorityLabel, typeLabel } from "./schemas";
import { sectionNamer, sectionsEverUsed } from "./sources.server";

export const WORKLIST_HEADERS = ["Section", "Summary", "Type", "Priority", "Decision", "Rationale", "Owner", "Round", "Source answers", "Last changed (UTC)"];

export async function worklistTable(consultationId: string, params: URLSearchParams): Promise<Table> {
  const filter: WorklistFilter = { ...parseWorklistFilter(params), page: 1 };
  const sections = await sectionsEverUsed(consultationId);
  const sectionName = sectionNamer(sections);
  async function* batches(): AsyncGenerator<string[][]> {
    for (let page = 1; ; page++) {
      const { items } = await worklist(consultationId, { ...filter, page });
      yield items.map((i) => [
        sectionName(i.sectionKey),
        i.summary,
        typeLabel(i.type),
        priorityLabel(i.priority),
        decisionLabel(i.status, i.resolvedInVersion?.number),
        i.rationale,
        i.owner?.name ?? "",
        i.round ? String(i.round.number) : "",
        String(i._count.sources),
        i.updatedAt.toISOString().slice(0, 16).replace("T", " "),
      ]);
      if (items.length < WORKLIST_PAGE_SIZE) return;
    }
  }
  return { title: "Worklist", headers: WORKLIST_HEADERS, widths: [30, 50, 12, 10, 24, 50, 20, 8, 10, 18], batches: batches() };
}
