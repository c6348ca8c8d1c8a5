/**
 * Tables as CSV (RFC 4180, CRLF), streamed a batch at a time. UTF-8 with a byte-order mark so
 * Excel opens Arabic and French text correctly; cells that a spreadsheet would run as a
 * formula are neutralised with a leading apostrophe (OWASP "CSV injection").
 */
import { stringify } from "csv-stringify/sync";
import { protectCell } from "~/modules/stakeholder/csv-format.server";
import { pullStream } from "./stream.server";
import type { Table } from "./table";

async function* csvChunks(table: Table): AsyncGenerator<string> {
  yield "\uFEFF" + stringify([table.headers], { record_delimiter: "windows" });
  for await (const rows of table.batches) {
    if (rows.length > 0) yield stringify(rows.map((row) => row.map(protectCell)), { record_delimiter: "windows" });
  }
}

export function csvStream(table: Table): ReadableStream<Uint8Array> {
  return pullStream(csvChunks(table));
}
