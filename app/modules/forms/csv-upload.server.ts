/**
 * Reading an uploaded CSV as spreadsheets write it: UTF-8 with or without a byte-order mark,
 * and the separator of the author's locale (Excel in much of Europe writes semicolons).
 * Shared by the stakeholder import and comment tables; each caller wraps CsvUploadError in
 * its own error.
 */
import { parse } from "csv-parse/sync";

export class CsvUploadError extends Error {
  override name = "CsvUploadError";
}

/**
 * The file's text. Not UTF-8: refused, unless the caller accepts Windows-1252 (a superset of
 * Latin-1, what Excel's plain "CSV" writes in Western locales) and shows the text before use.
 */
export function decodeCsv(content: Buffer, options: { windows1252?: boolean } = {}): string {
  try {
    // ignoreBOM: false strips the byte-order mark Excel writes.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    if (options.windows1252) return new TextDecoder("windows-1252").decode(content);
    throw new CsvUploadError('The file is not UTF-8 text. In Excel choose "Save as" and "CSV UTF-8 (Comma delimited)", then upload it again.');
  }
}

/** Comma, semicolon or tab: whichever the header line uses most. */
export function delimiterOf(text: string) {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  const candidates = [",", ";", "\t"].sort((a, b) => count(b) - count(a));
  return count(candidates[0]!) > 0 ? candidates[0]! : ",";
}

/** The rows of the file as trimmed cells (rows may differ in length). */
export function readCsvUpload(content: Buffer, options: { windows1252?: boolean } = {}): string[][] {
  const text = decodeCsv(content, options);
  try {
    return parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new CsvUploadError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
}
