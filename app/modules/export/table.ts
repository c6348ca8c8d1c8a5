/** What the CSV and XLSX writers take: a header row and the body in batches (one page of the database at a time). */
export type Table = {
  title: string;
  headers: string[];
  widths?: number[];
  batches: AsyncIterable<string[][]>;
};

// XML 1.0 (inside XLSX and DOCX) cannot carry most control characters: they are dropped.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

export function xmlSafe(text: string): string {
  return text.replace(CONTROL, "");
}
