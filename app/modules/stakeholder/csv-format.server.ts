/**
 * The stakeholder CSV: one row per contact (an organisation without contacts has one row of
 * its own). Export writes it and import reads it, so an exported file imports with no change.
 */
import { CsvUploadError, readCsvUpload } from "~/modules/forms/csv-upload.server";

export const STAKEHOLDER_COLUMNS = [
  "organisation",
  "short_name",
  "type",
  "country",
  "languages",
  "survivor_led",
  "contact_name",
  "contact_email",
  "contact_language",
  "contact_role",
] as const;

export type Column = (typeof STAKEHOLDER_COLUMNS)[number];
export type Cells = Record<Column, string>;
export type CsvRow = { row: number; cells: Cells };

export const MAX_ROWS = 5000;

export class StakeholderCsvError extends Error {
  override name = "StakeholderCsvError";
}

const ALIASES: Record<string, Column> = { organization: "organisation", organisation_name: "organisation", email: "contact_email" };

// A spreadsheet runs a cell that starts like a formula; export neutralises it with a leading
// apostrophe (OWASP "CSV injection") and import takes that apostrophe off again.
const FORMULA_START = /^[=+\-@\t\r]/;

export function protectCell(value: string) {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unprotectCell(value: string) {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function readStakeholderCsv(content: Buffer): { rows: CsvRow[]; ignoredColumns: string[] } {
  let records: string[][];
  try {
    records = readCsvUpload(content);
  } catch (error) {
    if (error instanceof CsvUploadError) throw new StakeholderCsvError(error.message);
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw new StakeholderCsvError("The file is empty.");
  const positions = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, "_");
    const column = (STAKEHOLDER_COLUMNS as readonly string[]).includes(name) ? (name as Column) : ALIASES[name];
    if (column && !positions.has(column)) positions.set(column, index);
    else if (raw.trim()) ignoredColumns.push(raw.trim());
  });
  if (!positions.has("organisation")) {
    throw new StakeholderCsvError(`The first row must name the columns, with at least "organisation". Expected: ${STAKEHOLDER_COLUMNS.join(", ")}.`);
  }
  const rows = data
    .map((record, index) => ({
      row: index + 2, // as numbered in a spreadsheet, whose row 1 is the header
      cells: Object.fromEntries(STAKEHOLDER_COLUMNS.map((c) => [c, unprotectCell(record[positions.get(c) ?? -1] ?? "")])) as Cells,
    }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ""));
  if (rows.length === 0) throw new StakeholderCsvError("The file has no rows under its header.");
  if (rows.length > MAX_ROWS) throw new StakeholderCsvError(`The file has ${rows.length} rows; import at most ${MAX_ROWS} at a time.`);
  return { rows, ignoredColumns };
}
