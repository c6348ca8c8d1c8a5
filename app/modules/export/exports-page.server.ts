/** What the exports page lists: every export with what it holds and how many rows, for this reader. */
import type { ConsultationAccess } from "~/modules/auth/authorization.server";
import { EXPORTS, type ExportDefinition } from "./catalogue";
import { readerFor } from "./download.server";
import { countMatrixRows } from "./matrix-rows.server";
import { countResponses } from "./responses.server";

export type ListedExport = ExportDefinition & { rows: number; reader: string };

export async function listExports(role: ConsultationAccess["role"], roundId: string): Promise<ListedExport[]> {
  const internal = readerFor(role, "internal");
  const [matrixInternal, matrixPublic, responsesInternal, responsesPublic] = await Promise.all([
    countMatrixRows(roundId, internal),
    countMatrixRows(roundId, "publication"),
    countResponses(roundId, internal),
    countResponses(roundId, "publication"),
  ]);
  return EXPORTS.map((e) => {
    const pub = e.audience === "publication";
    const rows = e.kind === "matrix" ? (pub ? matrixPublic : matrixInternal) : e.kind === "responses" ? (pub ? responsesPublic : responsesInternal) : pub ? responsesPublic : responsesInternal;
    return { ...e, rows, reader: readerFor(role, e.audience) };
  });
}
