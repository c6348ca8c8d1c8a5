/** The comment-resolution matrix as a Table for the CSV and XLSX writers, numbered in order. */
import type { Reader } from "~/modules/analysis/attribution";
import { MATRIX_COLUMNS, type MatrixRow } from "./matrix-layout";
import { matrixRows } from "./matrix-rows.server";
import type { Table } from "./table";

export function matrixCells(number: number, row: MatrixRow): string[] {
  return MATRIX_COLUMNS.map((c) => (c.key === "number" ? String(number) : row[c.key]));
}

async function* numbered(roundId: string, reader: Reader): AsyncGenerator<string[][]> {
  let n = 0;
  for await (const rows of matrixRows(roundId, reader)) yield rows.map((row) => matrixCells(++n, row));
}

export function matrixTable(roundId: string, reader: Reader): Table {
  return {
    title: "Comment matrix",
    headers: MATRIX_COLUMNS.map((c) => c.header),
    widths: MATRIX_COLUMNS.map((c) => c.width),
    batches: numbered(roundId, reader),
  };
}
