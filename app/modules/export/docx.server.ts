/**
 * The comment matrix as a Word table (landscape, header row repeated on every page). The docx
 * library builds the whole document in memory before packing it, so this one export does not
 * stream: rows are still read from the database a page at a time, but the file is assembled
 * whole. For very large rounds the XLSX is the format to use.
 */
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType } from "docx";
import { xmlSafe, type Table } from "./table";

function cell(text: string, header = false) {
  const lines = xmlSafe(text).split(/\r?\n/);
  return new TableCell({
    children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
  });
}

export async function docxBuffer(table: Table, heading: string, lead: string): Promise<Buffer> {
  const rows = [new TableRow({ tableHeader: true, children: table.headers.map((h) => cell(h, true)) })];
  let count = 0;
  for await (const batch of table.batches) {
    for (const cells of batch) rows.push(new TableRow({ cantSplit: false, children: cells.map((c) => cell(c)) }));
    count += batch.length;
  }
  const total = (table.widths ?? []).reduce((a, b) => a + b, 0) || 1;
  const document = new Document({
    creator: "Consult",
    title: heading,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] }),
          new Paragraph({ children: [new TextRun(lead)] }),
          ...(count === 0 ? [new Paragraph({ children: [new TextRun("There are no comments in this round yet.")] })] : []),
          new DocxTable({
            width: { size: 100, type: WidthType.PERCENTAGE },
            columnWidths: (table.widths ?? table.headers.map(() => 1)).map((w) => Math.round((w / total) * 14_000)),
            rows,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
