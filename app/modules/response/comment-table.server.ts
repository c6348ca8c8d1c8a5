/**
 * Comment tables (the form States often reply with: section, paragraph, comment, proposed
 * change), as XLSX or CSV. Each row is matched to a section of the round's document and to
 * that section's comment and proposed-wording questions; the coordinator sees a row-by-row
 * report before anything is stored.
 */
import ExcelJS from "exceljs";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { CsvUploadError, readCsvUpload } from "~/modules/forms/csv-upload.server";
import type { AnswerValue } from "~/modules/questionnaire/questions";

export type CommentRow = { row: number; section: string; paragraph: string; comment: string; proposed: string };

export type PlannedRow = CommentRow & {
  ok: boolean;
  problems: string[];
  sectionHeading: string | null;
  commentQuestionId: string | null;
  proposalQuestionId: string | null;
  usesGeneralQuestion: boolean;
};

const HEADERS: Record<keyof Omit<CommentRow, "row">, RegExp> = {
  section: /^(section|clause|chapter|part|secci[oó]n|chapitre)/i,
  paragraph: /^(paragraph|para|¶|p[aá]rrafo|paragraphe)/i,
  comment: /^(comments?|observations?|comentarios?|commentaires?)/i,
  proposed: /^(proposed|proposal|suggested|propuesta|proposition)/i,
};

export class CommentTableError extends Error {
  override name = "CommentTableError";
}

function mapHeader(cells: string[]) {
  const columns: Partial<Record<keyof typeof HEADERS, number>> = {};
  cells.forEach((cell, i) => {
    for (const [field, pattern] of Object.entries(HEADERS) as Array<[keyof typeof HEADERS, RegExp]>) {
      if (columns[field] === undefined && pattern.test(cell.trim())) columns[field] = i;
    }
  });
  if (columns.section === undefined || columns.comment === undefined) {
    throw new CommentTableError(
      "The first row must name the columns: at least “Section” and “Comment” (also “Paragraph” and “Proposed change”).",
    );
  }
  return columns;
}

function toRows(table: string[][]): CommentRow[] {
  const [header, ...body] = table;
  if (!header) throw new CommentTableError("The file is empty.");
  const columns = mapHeader(header);
  const cell = (values: string[], field: keyof typeof HEADERS) => {
    const index = columns[field];
    return index === undefined ? "" : (values[index] ?? "").trim();
  };
  return body
    .map((values, i) => ({
      row: i + 2, // as numbered in a spreadsheet, header = 1
      section: cell(values, "section"),
      paragraph: cell(values, "paragraph"),
      comment: cell(values, "comment"),
      proposed: cell(values, "proposed"),
    }))
    .filter((r) => r.section || r.paragraph || r.comment || r.proposed);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return String(value.result ?? "");
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export async function readCommentTable(file: { filename: string; content: Buffer }): Promise<CommentRow[]> {
  const name = file.filename.toLowerCase();
  if (name.endsWith(".csv")) {
    // Accepts Windows-1252 too: the coordinator sees every row in the report before confirming.
    try {
      return toRows(readCsvUpload(file.content, { windows1252: true }));
    } catch (error) {
      if (error instanceof CsvUploadError) throw new CommentTableError(error.message);
      throw error;
    }
  }
  if (name.endsWith(".xlsx")) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    } catch {
      throw new CommentTableError("This file is not a readable Excel workbook (.xlsx).");
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new CommentTableError("The workbook has no worksheet.");
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => {
        values[col - 1] = cellText(c.value);
      });
      table.push(Array.from(values, (v) => v ?? ""));
    });
    return toRows(table);
  }
  throw new CommentTableError("Upload the comment table as .xlsx or .csv.");
}

const normalise = (s: string) => s.toLowerCase().replace(/^(section|chapter|part)\s+/i, "").replace(/[.:]+$/, "").replace(/\s+/g, " ").trim();

/**
 * Matches every row to a section and its questions; reports what cannot be matched. Run again
 * in the confirming transaction (`client`), as the questionnaire may have changed meanwhile.
 */
export async function planCommentTable(roundId: string, rows: CommentRow[], client: Prisma.TransactionClient = db()): Promise<PlannedRow[]> {
  const round = await client.round.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      version: { include: { sections: { orderBy: { position: "asc" } } } },
      questions: { where: { retiredAt: null }, orderBy: { position: "asc" } },
    },
  });
  const sections = round.version.sections;
  const generalComment = round.questions.find((q) => !q.sectionId && q.type === "LONG_TEXT");
  const findSection = (label: string) => {
    const wanted = normalise(label);
    const number = /^(\d+)(\b|$)/.exec(wanted)?.[1];
    return (
      sections.find((s) => s.key === wanted) ??
      sections.find((s) => normalise(s.heading) === wanted) ??
      (number ? sections.find((s) => s.position === Number(number)) : undefined) ??
      sections.find((s) => normalise(s.heading).startsWith(wanted.replace(/^\d+\s*/, "")) && wanted.replace(/^\d+\s*/, "").length >= 4)
    );
  };
  return rows.map((r) => {
    const problems: string[] = [];
    if (!r.comment && !r.proposed) problems.push("No comment and no proposed change");
    const section = r.section ? findSection(r.section) : undefined;
    if (!section && r.section && !/^(general|whole|all|g[eé]n[eé]ral)/i.test(r.section)) problems.push(`No section matches “${r.section}”`);
    const questions = round.questions.filter((q) => (section ? q.sectionId === section.id : !q.sectionId));
    const comment = questions.find((q) => q.type === "LONG_TEXT") ?? generalComment;
    const proposal = section ? questions.find((q) => q.type === "PROPOSED_WORDING") : undefined;
    if (r.comment && !comment) problems.push("The questionnaire has no comment question for this section");
    if (r.proposed && !proposal && !comment) problems.push("The questionnaire has no proposed-wording question for this section");
    return {
      ...r,
      ok: problems.length === 0,
      problems,
      sectionHeading: section?.heading ?? (r.section ? null : "The document as a whole"),
      commentQuestionId: comment?.id ?? null,
      proposalQuestionId: proposal?.id ?? null,
      usesGeneralQuestion: !!section && !!comment && comment.id === generalComment?.id,
    };
  });
}

/**
 * One answer per question: the rows' comments and proposed changes joined in table order, each
 * prefixed with its paragraph ("¶ n: ", which the comment matrix splits on); a proposed change
 * without its own question is kept in the comment text.
 */
export function answersFromPlan(plan: PlannedRow[]): Map<string, AnswerValue> {
  const texts = new Map<string, string[]>();
  const add = (questionId: string | null, text: string) => {
    if (!questionId || !text) return;
    texts.set(questionId, [...(texts.get(questionId) ?? []), text]);
  };
  for (const r of plan.filter((p) => p.ok)) {
    // A comment filed under the whole-document question still says which section it is about.
    const about = r.usesGeneralQuestion && r.sectionHeading ? `[${r.sectionHeading}] ` : "";
    const where = `${about}${r.paragraph ? `¶ ${r.paragraph}: ` : ""}`;
    if (r.comment) add(r.commentQuestionId, `${where}${r.comment}`);
    if (r.proposed) {
      if (r.proposalQuestionId) add(r.proposalQuestionId, `${r.paragraph ? `¶ ${r.paragraph}: ` : ""}${r.proposed}`);
      else add(r.commentQuestionId, `${where}Proposed change: ${r.proposed}`);
    }
  }
  return new Map([...texts].map(([id, parts]) => [id, { choices: [], text: parts.filter(Boolean).join("\n\n") }]));
}
