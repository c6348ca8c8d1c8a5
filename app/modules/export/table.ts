/** What the CSV and XLSX writers take: a header row and the body in batches (one page of the database at a time). */
export type Table = {
  title: string;
  headers: string[];
  widths?: number[];
  batches: AsyncIterable<string[][]>;
};
