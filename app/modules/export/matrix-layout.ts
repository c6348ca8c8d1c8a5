/**
 * The ISO comment template's columns and how one comment becomes a row. An imported comment
 * table (channel COMMENT_TABLE) stored each table row as "¶ <paragraph>: <comment>" (with
 * "[<section>] " first when filed under the whole-document question, and "Proposed change: "
 * when the section had no proposed-wording question; see answersFromPlan in
 * app/modules/response/comment-table.server.ts): those become one row each again, with their
 * paragraph. Other answers carry no paragraph.
 */
import type { CommentRecord } from "./matrix-rows.server";

export const MATRIX_COLUMNS = [
  { key: "number", header: "No.", width: 6 },
  { key: "stakeholder", header: "Stakeholder", width: 28 },
  { key: "clause", header: "Clause/section", width: 24 },
  { key: "paragraph", header: "Paragraph", width: 10 },
  { key: "type", header: "Type of comment (general/technical/editorial)", width: 14 },
  { key: "comment", header: "Comment", width: 60 },
  { key: "proposedChange", header: "Proposed change", width: 50 },
  { key: "observations", header: "Observations of the secretariat", width: 50 },
] as const;

export type MatrixRow = Record<Exclude<(typeof MATRIX_COLUMNS)[number]["key"], "number">, string>;

export const DECISION_LABELS: Record<string, string> = {
  OPEN: "Open (no decision yet)",
  ACCEPTED: "Accepted",
  ACCEPTED_WITH_CHANGES: "Accepted with changes",
  NOT_ACCEPTED: "Not accepted",
  NOTED: "Noted",
  REFERRED: "Referred",
};

// The separator answersFromPlan puts between table rows, and the marker each row starts with.
const ROW_BREAK = /\n\n(?=(?:\[[^\]\n]*\] )?¶ )/;
const ROW_MARKER = /^(?:\[([^\]\n]*)\] )?¶ ([^:\n]*): /;
const PROPOSED = /^Proposed change: /;

type Piece = { clause: string | null; paragraph: string; comment: string; proposed: string };

function pieces(record: Pick<CommentRecord, "text" | "channel" | "questionType">): Piece[] {
  const text = record.text.trim();
  const whole = (t: string): Piece =>
    record.questionType === "PROPOSED_WORDING" ? { clause: null, paragraph: "", comment: "", proposed: t } : { clause: null, paragraph: "", comment: t, proposed: "" };
  if (record.channel !== "COMMENT_TABLE") return [whole(text)];
  return text.split(ROW_BREAK).map((segment) => {
    const marker = ROW_MARKER.exec(segment);
    if (!marker) return whole(segment);
    const body = segment.slice(marker[0].length);
    const piece = whole(body);
    if (PROPOSED.test(body) && record.questionType !== "PROPOSED_WORDING") {
      piece.comment = "";
      piece.proposed = body.replace(PROPOSED, "");
    }
    return { ...piece, clause: marker[1] ?? null, paragraph: marker[2]!.trim() };
  });
}

function clauseOf(record: Pick<CommentRecord, "sectionPosition" | "sectionHeading">) {
  return record.sectionHeading === null ? "General (whole document)" : `${record.sectionPosition} ${record.sectionHeading}`;
}

/** "Accepted — done in version 2: rationale"; several linked worklist items are joined, oldest first. */
export function observationsOf(items: CommentRecord["items"]): string {
  const decision = (i: NonNullable<CommentRecord["items"]>[number]) => `${DECISION_LABELS[i.status] ?? i.status}${i.doneIn ? ` — done in version ${i.doneIn}` : ""}`;
  return (items ?? []).map((i) => [decision(i), i.rationale.trim()].filter(Boolean).join(": ")).join("\n");
}

export function typesOf(items: CommentRecord["items"]): string {
  return [...new Set((items ?? []).map((i) => i.type.toLowerCase()))].join(", ");
}

/** The matrix rows of one comment (several for an imported comment table's answer). */
export function matrixRowsOf(record: CommentRecord, stakeholder: string): MatrixRow[] {
  const shared = { stakeholder, type: typesOf(record.items), observations: observationsOf(record.items) };
  return pieces(record).map((p) => ({
    ...shared,
    clause: p.clause ?? clauseOf(record),
    paragraph: p.paragraph,
    comment: p.comment,
    proposedChange: p.proposed,
  }));
}
