/**
 * Views received outside the platform: a coordinator records a response on an
 * organisation's behalf (channel, date, original file) and imports comment tables (CSV and
 * XLSX) with a row-by-row report; confirmed, they count like platform answers.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_FILTER, resultCounts, resultsFacets } from "~/modules/analysis/results.server";
import { db } from "~/modules/db/client.server";
import { fieldName } from "~/modules/questionnaire/questions";
import { answersFromPlan, planCommentTable, readCommentTable } from "~/modules/response/comment-table.server";
import { seedDemo } from "../../prisma/seed/demo";
import { action as offlineAction, loader as offlineLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.offline._index";
import { action as previewAction, loader as previewLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.offline.$importId";
import { BASE, context, cookieForEmail, outcome } from "./route-helpers";

let coordinator: string, analyst: string, consultationId: string, roundId: string, chadId: string, iraqId: string;

beforeAll(async () => {
  await seedDemo(db(), { appUrl: BASE });
  const round = await db().round.findFirstOrThrow({ where: { status: "OPEN" } });
  roundId = round.id;
  consultationId = round.consultationId;
  chadId = (await db().organisation.findUniqueOrThrow({ where: { name: "Chad" } })).id;
  iraqId = (await db().organisation.findUniqueOrThrow({ where: { name: "Iraq" } })).id;
  coordinator = await cookieForEmail("coordinator@consult.localhost");
  analyst = await cookieForEmail("analyst@consult.localhost");
});

function multipart(cookie: string, fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }, query = "") {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  return new Request(`${BASE}/consultations/${consultationId}/rounds/${roundId}/offline${query}`, { method: "POST", headers: { cookie }, body: form });
}

/** Uploads a comment table for an organisation; returns the import's id. */
async function uploadTable(organisationId: string, csv: string | Buffer) {
  const content = typeof csv === "string" ? Buffer.from(csv) : csv;
  const upload = await outcome(() =>
    offlineAction({ request: multipart(coordinator, { intent: "import-table", ...meta(organisationId, "COMMENT_TABLE") }, { name: "comments.csv", type: "text/csv", content }), params: { consultationId, roundId }, context }),
  );
  expect(upload.status, JSON.stringify(upload.data)).toBe(302);
  return upload.location!.split("/").pop()!;
}

function confirmTable(importId: string, cookie = coordinator) {
  const body = new URLSearchParams({ intent: "confirm" });
  return outcome(() => previewAction({ request: new Request(`${BASE}/x`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body }), params: { consultationId, roundId, importId }, context }));
}

/** An invited organisation with no response in the round yet. */
async function unansweredOrganisation(skip: string[] = []) {
  const organisation = await db().organisation.findFirstOrThrow({
    where: { id: { notIn: skip }, invitations: { some: { roundId, revokedAt: null } }, responses: { none: { roundId } } },
    orderBy: { name: "asc" },
  });
  return organisation.id;
}

const meta = (organisationId: string, channel = "NOTE_VERBALE") => ({ organisationId, channel, receivedAt: "2026-11-20", attribution: "TYPE_ONLY", consent: "yes" });

describe("recording a response received by note verbale", () => {
  it("stores it as a submitted response with channel, date, original file and an audit entry; it counts in the results", async () => {
    const agreement = await db().question.findFirstOrThrow({ where: { roundId, type: "AGREEMENT", retiredAt: null }, orderBy: { position: "asc" } });
    // The count the results page shows: states that agreed.
    const agreed = async () =>
      (await resultCounts(roundId, [agreement], NO_FILTER, await resultsFacets(roundId))).find((c) => c.questionId === agreement.id && c.option === "agree" && c.typeKey === "affected-state")?.count ?? 0;
    const before = await agreed();
    const letter = Buffer.from("%PDF-1.4 signed letter of the ministry");
    const result = await outcome(() =>
      offlineAction({ request: multipart(coordinator, { intent: "record", ...meta(chadId), [fieldName(agreement.id)]: "agree" }, { name: "note-verbale.pdf", type: "application/pdf", content: letter }), params: { consultationId, roundId }, context }),
    );
    expect(result.status).toBe(302);
    const response = await db().response.findUniqueOrThrow({ where: { roundId_organisationId: { roundId, organisationId: chadId } }, include: { attachments: true, submissions: true } });
    expect(response).toMatchObject({ status: "SUBMITTED", channel: "NOTE_VERBALE", attribution: "TYPE_ONLY", consentToPublish: true });
    expect(response.receivedAt?.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(response.attachments.map((a) => [a.filename, a.size])).toEqual([["note-verbale.pdf", letter.length]]);
    expect(response.submissions).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "response.recorded-offline", entityId: response.id } })).toBe(1);
    const after = await agreed();
    expect(after).toBe(before + 1);
  });

  it("refuses missing details with field errors and keeps what was typed", async () => {
    const comment = await db().question.findFirstOrThrow({ where: { roundId, type: "LONG_TEXT" } });
    const result = await outcome(() =>
      offlineAction({ request: multipart(coordinator, { intent: "record", organisationId: "", receivedAt: "2999-01-01", [fieldName(comment.id)]: "Typed at length" }), params: { consultationId, roundId }, context }),
    );
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.errors).sort()).toEqual(["attribution", "channel", "organisationId", "receivedAt"]);
    expect(result.data.values[fieldName(comment.id)]).toBe("Typed at length");
  });

  it("is for coordinators only", async () => {
    const result = await outcome(() => offlineAction({ request: multipart(analyst, { intent: "record", ...meta(chadId) }), params: { consultationId, roundId }, context }));
    expect(result.status).toBe(403);
  });
});

describe("comment tables", () => {
  it("matches rows to sections by number or heading, and reports the rows it cannot use", async () => {
    const rows = await readCommentTable({ filename: "comments.csv", content: fs.readFileSync("tests/fixtures/comment-table.csv") });
    const plan = await planCommentTable(roundId, rows);
    expect(plan.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, true], [4, false], [5, false], [6, false]]);
    expect(plan[0]?.sectionHeading).toBe("Data collection and needs assessment");
    expect(plan[2]?.problems[0]).toMatch(/No section matches “Section 12”/);
    // The demo questionnaire asks no free-text question about the whole document.
    expect(plan[3]?.problems[0]).toMatch(/no comment question/);
    expect(plan[4]?.problems[0]).toMatch(/No comment and no proposed change/);
    const answers = answersFromPlan(plan);
    const texts = [...answers.values()].map((a) => a.text);
    expect(texts.some((t) => t?.startsWith("¶ 2: Disaggregation should also cover"))).toBe(true);
    // Section 3 has no proposed-wording question: the proposed change is kept with the comment.
    expect(texts.some((t) => t?.includes("¶ 2: Proposed change: Data should be disaggregated at least by sex, age, disability and type of explosive ordnance."))).toBe(true);
  });

  it("reads the same table from an Excel workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Comments");
    sheet.addRow(["Section", "Paragraph", "Comment", "Proposed change"]);
    sheet.addRow([3, 2, "Disaggregate by type of ordnance too.", ""]);
    sheet.addRow(["Medical care and rehabilitation", 1, { richText: [{ text: "Community-based " }, { text: "rehabilitation" }] }, ""]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = await readCommentTable({ filename: "comments.xlsx", content });
    expect(rows.map((r) => [r.section, r.paragraph, r.comment])).toEqual([
      ["3", "2", "Disaggregate by type of ordnance too."],
      ["Medical care and rehabilitation", "1", "Community-based rehabilitation"],
    ]);
  });

  it("reads a semicolon-separated Latin-1 table, as Excel writes CSV in French", async () => {
    const rows = await readCommentTable({ filename: "commentaires.csv", content: fs.readFileSync("tests/fixtures/comment-table-latin1.csv") });
    expect(rows.map((r) => [r.row, r.section, r.paragraph, r.comment, r.proposed])).toEqual([
      [2, "3", "2", "Ventiler les données aussi par type d'engin; pas seulement par âge et sexe.", "Données ventilées par sexe, âge, handicap et type d'engin."],
      [3, "Medical care and rehabilitation", "1", "Mentionner la réadaptation à base communautaire.", ""],
    ]);
  });

  it("gives a clear error for a file that is not a comment table", async () => {
    await expect(readCommentTable({ filename: "x.csv", content: Buffer.from("name,email\nA,a@b.c\n") })).rejects.toThrow(/Section.*Comment/);
    await expect(readCommentTable({ filename: "x.xlsx", content: Buffer.from("not a zip") })).rejects.toThrow(/not a readable Excel/);
    await expect(readCommentTable({ filename: "x.pdf", content: Buffer.from("%PDF") })).rejects.toThrow(/xlsx or \.csv/);
  });

  it("stores nothing until confirmed; confirming twice imports once", async () => {
    const upload = await outcome(() =>
      offlineAction({
        request: multipart(coordinator, { intent: "import-table", ...meta(iraqId, "COMMENT_TABLE") }, { name: "iraq-comments.csv", type: "text/csv", content: fs.readFileSync("tests/fixtures/comment-table.csv") }),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(upload.status).toBe(302);
    const importId = upload.location!.split("/").pop()!;
    const draftBefore = await db().response.findUniqueOrThrow({ where: { roundId_organisationId: { roundId, organisationId: iraqId } }, include: { answers: true } });
    expect(draftBefore.status).toBe("DRAFT"); // the demo's Iraq draft, untouched by the upload

    const preview = await outcome(() => previewLoader({ request: new Request(`${BASE}/x`, { headers: { cookie: coordinator } }), params: { consultationId, roundId, importId }, context }));
    expect(preview.data.rows.filter((r: { ok: boolean }) => !r.ok)).toHaveLength(3);

    const confirm = () => {
      const body = new URLSearchParams({ intent: "confirm" });
      return outcome(() => previewAction({ request: new Request(`${BASE}/x`, { method: "POST", headers: { cookie: coordinator, "content-type": "application/x-www-form-urlencoded" }, body }), params: { consultationId, roundId, importId }, context }));
    };
    await Promise.all([confirm(), confirm()]);
    const response = await db().response.findUniqueOrThrow({ where: { roundId_organisationId: { roundId, organisationId: iraqId } }, include: { submissions: true, attachments: true } });
    expect(response).toMatchObject({ status: "SUBMITTED", channel: "COMMENT_TABLE" });
    expect(response.submissions).toHaveLength(1);
    expect(response.attachments).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "response.comment-table-imported", entityId: response.id } })).toBe(1);
  });
});

describe("an organisation that already answered", () => {
  it("keeps its text and choices when a letter is recorded: the letter's text is added under a marker", async () => {
    const lebanonId = (await db().organisation.findUniqueOrThrow({ where: { name: "Lebanon" } })).id;
    const response = await db().response.findUniqueOrThrow({ where: { roundId_organisationId: { roundId, organisationId: lebanonId } }, include: { answers: { include: { question: true } } } });
    const written = response.answers.find((a) => a.text && a.question.type === "LONG_TEXT")!;
    const chosen = response.answers.find((a) => a.choices.length > 0 && a.question.type === "AGREEMENT")!;
    const otherOption = (chosen.question.options as Array<{ id: string }>).map((o) => o.id).find((id) => id !== chosen.choices[0])!;
    const page = await outcome(() => offlineLoader({ request: new Request(`${BASE}/x`, { headers: { cookie: coordinator } }), params: { consultationId, roundId }, context }));
    expect(page.data.organisations.find((o: { id: string }) => o.id === lebanonId).answered).toBe("SUBMITTED");

    const result = await outcome(() =>
      offlineAction({
        request: multipart(coordinator, { intent: "record", ...meta(lebanonId, "LETTER"), [fieldName(written.questionId)]: "Our letter adds this.", [fieldName(chosen.questionId)]: otherOption }),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(result.status).toBe(302);
    const after = new Map((await db().answer.findMany({ where: { responseId: response.id } })).map((a) => [a.questionId, a]));
    expect(after.get(written.questionId)!.text).toBe(`${written.text!.trim()}\n\n— Added: Letter, received 2026-11-20 —\n\nOur letter adds this.`);
    expect(after.get(chosen.questionId)!.choices).toEqual(chosen.choices);
    expect(after.size).toBe(response.answers.length); // nothing lost
    const entry = await db().auditEvent.findFirstOrThrow({ where: { action: "response.recorded-offline", entityId: response.id } });
    expect(entry.data).toMatchObject({ appendedTo: [written.questionId], keptChoices: [chosen.questionId] });
  });

  it("a second comment table is added after the first, not instead of it", async () => {
    const organisationId = await unansweredOrganisation();
    const section = await db().section.findFirstOrThrow({ where: { versionId: (await db().round.findUniqueOrThrow({ where: { id: roundId } })).versionId, position: 3 } });
    expect((await confirmTable(await uploadTable(organisationId, "Section,Paragraph,Comment\n3,1,First table comment\n"))).status).toBe(302);
    expect((await confirmTable(await uploadTable(organisationId, "Section,Paragraph,Comment\n3,4,Second table comment\n"))).status).toBe(302);
    const answers = await db().answer.findMany({ where: { response: { roundId, organisationId }, question: { sectionId: section.id, type: "LONG_TEXT" } } });
    expect(answers.map((a) => a.text)).toEqual(["¶ 1: First table comment\n\n— Added: Comment table, received 2026-11-20 —\n\n¶ 4: Second table comment"]);
  });
});

describe("confirming a comment table", () => {
  it("keeps the paragraph of every proposed change joined into one proposed-wording answer", () => {
    const row = (n: number, paragraph: string, proposed: string) => ({
      row: n, section: "3", paragraph, comment: "", proposed, ok: true, problems: [], sectionHeading: "S", commentQuestionId: "c", proposalQuestionId: "p", usesGeneralQuestion: false,
    });
    expect(answersFromPlan([row(2, "2", "First wording."), row(3, "5", "Second wording.")]).get("p")?.text).toBe("¶ 2: First wording.\n\n¶ 5: Second wording.");
  });

  it("refuses on the server a table with no importable row: no empty response is submitted", async () => {
    const organisationId = await unansweredOrganisation();
    const importId = await uploadTable(organisationId, "Section,Paragraph,Comment\nSection 12,1,No such section\n");
    const result = await confirmTable(importId);
    expect(result.status).toBe(400);
    expect(result.data.problem).toMatch(/No row of this table can be imported/);
    expect(await db().response.count({ where: { roundId, organisationId } })).toBe(0);
    expect((await db().pendingImport.findUniqueOrThrow({ where: { id: importId } })).confirmedAt).toBeNull();
  });

  it("is for coordinators, and not in a draft or archived round nor an archived consultation", async () => {
    const organisationId = await unansweredOrganisation();
    const importId = await uploadTable(organisationId, "Section,Paragraph,Comment\n3,1,A comment\n");
    expect((await confirmTable(importId, analyst)).status).toBe(403);
    const refused = async (change: () => Promise<unknown>, undo: () => Promise<unknown>) => {
      await change();
      try {
        const record = await outcome(() => offlineAction({ request: multipart(coordinator, { intent: "record", ...meta(organisationId) }), params: { consultationId, roundId }, context }));
        const confirm = await confirmTable(importId);
        return [record.status, record.data?.message, confirm.status, confirm.data?.problem ?? confirm.data?.message];
      } finally {
        await undo();
      }
    };
    const setRound = (status: "DRAFT" | "ARCHIVED" | "OPEN") => () => db().round.update({ where: { id: roundId }, data: { status } });
    expect(await refused(setRound("DRAFT"), setRound("OPEN"))).toEqual([409, expect.stringMatching(/still a draft/), 409, expect.stringMatching(/still a draft/)]);
    expect(await refused(setRound("ARCHIVED"), setRound("OPEN"))).toEqual([409, expect.stringMatching(/archived/), 409, expect.stringMatching(/archived/)]);
    const archive = (archivedAt: Date | null) => () => db().consultation.update({ where: { id: consultationId }, data: { archivedAt } });
    expect(await refused(archive(new Date()), archive(null))).toEqual([403, expect.stringMatching(/archived/), 403, expect.stringMatching(/archived/)]);
    expect(await db().response.count({ where: { roundId, organisationId } })).toBe(0);
  });

  it("keeps the intent of a form whose upload is too large, so that form shows the error", async () => {
    const big = { name: "huge.csv", type: "text/csv", content: Buffer.alloc(20 * 1024 * 1024 + 1, "a") };
    const result = await outcome(() => offlineAction({ request: multipart(coordinator, { intent: "import-table", ...meta(chadId) }, big, "?index&intent=import-table"), params: { consultationId, roundId }, context }));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "import-table", errors: { file: expect.stringMatching(/larger than 20 MB/) } });
  });

  // Last: it deletes a question of the demo round.
  it("plans again when confirming: a question deleted since the report gives a clear message, not a crash", async () => {
    const organisationId = await unansweredOrganisation();
    const importId = await uploadTable(organisationId, fs.readFileSync("tests/fixtures/comment-table.csv"));
    const pending = await db().pendingImport.findUniqueOrThrow({ where: { id: importId } });
    const usedQuestion = (pending.payload as { plan: Array<{ row: number; commentQuestionId: string }> }).plan.find((r) => r.row === 2)!.commentQuestionId;
    await db().question.delete({ where: { id: usedQuestion } });
    const first = await confirmTable(importId);
    expect(first.status).toBe(409);
    expect(first.data.problem).toMatch(/questionnaire changed/);
    expect(await db().response.count({ where: { roundId, organisationId } })).toBe(0);
    const report = await outcome(() => previewLoader({ request: new Request(`${BASE}/x`, { headers: { cookie: coordinator } }), params: { consultationId, roundId, importId }, context }));
    expect(report.data.state).toBe("pending");
    expect(report.data.rows.find((r: { row: number }) => r.row === 2).ok).toBe(false);
    // Confirmed again, the rows that still fit are imported.
    expect((await confirmTable(importId)).status).toBe(302);
    expect(await db().response.findUniqueOrThrow({ where: { roundId_organisationId: { roundId, organisationId } } })).toMatchObject({ status: "SUBMITTED", channel: "COMMENT_TABLE" });
  });
});
