/**
 * Tables as XLSX with exceljs's streaming WorkbookWriter: each row is committed (written to
 * the zip stream and forgotten) as it comes, so memory stays flat however long the table.
 * The workbook is written into a PassThrough that becomes the Response body; the writer
 * waits whenever the reader has not yet taken what was written.
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { xmlSafe, type Table } from "./table";

const CELL_MAX = 32_767; // Excel's limit per cell

export function xlsxCell(value: string): string {
  const clean = xmlSafe(value);
  return clean.length > CELL_MAX ? `${clean.slice(0, CELL_MAX - 20)}… [truncated]` : clean;
}

async function write(table: Table, out: PassThrough) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Consult";
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({ header, width: table.widths?.[i] ?? 20 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.commit();
  let last = 1;
  for await (const rows of table.batches) {
    for (const cells of rows) {
      const row = sheet.addRow(cells.map(xlsxCell));
      last = row.number;
      row.alignment = { vertical: "top", wrapText: true };
      row.commit();
    }
    if (out.writableNeedDrain) await Promise.race([once(out, "drain"), once(out, "close")]);
    if (out.destroyed) return; // the download was cancelled
  }
  // Filter buttons on the header over every row (written when the sheet is committed), as
  // secretariats sort and filter a comment matrix by stakeholder, section or decision.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: table.headers.length } };
  sheet.commit();
  await workbook.commit();
}

export function xlsxStream(table: Table): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  write(table, out).catch((error: unknown) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
