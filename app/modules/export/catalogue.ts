/**
 * The exports of a round, by file name (the last segment of the download URL). Internal ones
 * show each reader what the attribution rule lets them see (coordinators: names; analysts:
 * the analyst view); "-public" ones apply the publication rule, whoever downloads them.
 */
export type ExportKind = "matrix" | "responses" | "round";
export type ExportFormat = "csv" | "xlsx" | "docx" | "json";
export type ExportAudience = "internal" | "publication";

export type ExportDefinition = {
  name: string;
  kind: ExportKind;
  format: ExportFormat;
  audience: ExportAudience;
};

const KINDS: Record<ExportKind, ExportFormat[]> = {
  matrix: ["xlsx", "csv", "docx"],
  responses: ["xlsx", "csv"],
  round: ["json"],
};

export const EXPORTS: ExportDefinition[] = (Object.entries(KINDS) as Array<[ExportKind, ExportFormat[]]>).flatMap(([kind, formats]) =>
  (["internal", "publication"] as const).flatMap((audience) =>
    formats.map((format) => ({ name: `${kind}${audience === "publication" ? "-public" : ""}.${format}`, kind, format, audience })),
  ),
);

export function findExport(name: string): ExportDefinition | undefined {
  return EXPORTS.find((e) => e.name === name);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json; charset=utf-8",
};

const FILE_STEMS: Record<ExportKind, string> = { matrix: "comment-matrix", responses: "responses", round: "round" };

/** e.g. victim-assistance-guidance-round-1-comment-matrix-public.xlsx */
export function downloadFilename(slug: string, roundNumber: number, e: ExportDefinition): string {
  const safe = slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return `${safe}-round-${roundNumber}-${FILE_STEMS[e.kind]}${e.audience === "publication" ? "-public" : ""}.${e.format}`;
}
