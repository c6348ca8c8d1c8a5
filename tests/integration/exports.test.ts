/**
 * The round's exports on a data set built by hand: public, type-only, confidential and
 * non-consenting responses, a draft, a withdrawn one and an imported comment table, with
 * worklist decisions linked to comments. Every file is read back as a spreadsheet program or
 * a word processor would (csv-parse, exceljs, the DOCX's word/document.xml) and checked for
 * the attribution rule: nothing confidential or unconsented in a publication export, never a
 * type-only organisation's name outside the coordinators' own exports.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Attribution, ResponseChannel, ResponseStatus } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { EXPORTS } from "~/modules/export/catalogue";
import { loader as pageLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.exports._index";
import { loader as downloadLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.exports.$name";
import { consultationWithRound } from "./round-fixture";
import { context, cookieFor, get, outcome } from "./route-helpers";

const ids = { consultation: "", round: "", emptyRound: "" };
const cookies = { coordinator: "", analyst: "", stranger: "" };
const q = { agreement: "", services: "", scope: "", wording: "", general: "" };

type Seeded = {
  org: string;
  type: "state" | "ngo";
  status: ResponseStatus;
  attribution: Attribution;
  consent: boolean;
  channel?: ResponseChannel;
  answers: Partial<Record<keyof typeof q, string | string[]>>;
};

const RESPONSES: Seeded[] = [
  {
    org: "Public State",
    type: "state",
    status: "SUBMITTED",
    attribution: "PUBLIC",
    consent: true,
    answers: { agreement: ["agree"], services: ["x", "y"], scope: "=SUM(A1) Public comment: élargir la portée", wording: "Public proposed wording", general: "تعليق عام على الوثيقة" },
  },
  { org: "TypeOnly NGO", type: "ngo", status: "SUBMITTED", attribution: "TYPE_ONLY", consent: true, answers: { agreement: ["disagree"], scope: "TypeOnly comment on scope" } },
  { org: "Secret State", type: "state", status: "SUBMITTED", attribution: "CONFIDENTIAL", consent: true, answers: { scope: "Confidential comment" } },
  { org: "Shy NGO", type: "ngo", status: "SUBMITTED", attribution: "PUBLIC", consent: false, answers: { scope: "Unconsented comment" } },
  { org: "Draft Org", type: "ngo", status: "DRAFT", attribution: "PUBLIC", consent: true, answers: { scope: "Draft comment" } },
  { org: "Withdrawn Org", type: "ngo", status: "WITHDRAWN", attribution: "PUBLIC", consent: true, answers: { scope: "Withdrawn comment" } },
  {
    org: "Table State",
    type: "state",
    status: "SUBMITTED",
    attribution: "PUBLIC",
    consent: true,
    channel: "COMMENT_TABLE",
    answers: { scope: "¶ 3.2: Table comment one\n\n¶ 4: Table comment two\n\n¶ 5: Proposed change: Table proposal", general: "[Services] ¶ 7: Filed under general", services: [] },
  },
];

const HIDDEN_FROM_PUBLICATION = ["Confidential comment", "Unconsented comment", "Secret State", "Shy NGO", "TypeOnly NGO", "Draft comment", "Withdrawn comment"];

beforeAll(async () => {
  const member = async (email: string) => db().user.create({ data: { email, name: email.split("@")[0]! } });
  const [coordinator, analyst, stranger] = await Promise.all([member("lead@exports.test"), member("analyst@exports.test"), member("stranger@exports.test")]);
  const { consultation, version, round, scope, services } = await consultationWithRound({
    slug: "exports-test",
    title: "Exports test",
    members: [{ userId: coordinator.id, role: "COORDINATOR" }, { userId: analyst.id, role: "ANALYST" }],
    round: { status: "CLOSED" },
  });
  ids.consultation = consultation.id;
  cookies.coordinator = await cookieFor(coordinator.id);
  cookies.analyst = await cookieFor(analyst.id);
  cookies.stranger = await cookieFor(stranger.id);
  const empty = await db().round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 2, title: "Round 2", status: "OPEN" } });
  ids.round = round.id;
  ids.emptyRound = empty.id;
  const question = async (data: { sectionId: string | null; position: number; type: "AGREEMENT" | "MULTIPLE_CHOICE" | "LONG_TEXT" | "PROPOSED_WORDING"; prompt: string; options?: unknown }) =>
    (await db().question.create({ data: { roundId: round.id, ...data, options: (data.options ?? []) as object } })).id;
  q.agreement = await question({ sectionId: scope.id, position: 1, type: "AGREEMENT", prompt: "The scope is right." });
  q.scope = await question({ sectionId: scope.id, position: 2, type: "LONG_TEXT", prompt: "Comments on the scope" });
  q.services = await question({ sectionId: services.id, position: 3, type: "MULTIPLE_CHOICE", prompt: "Which services?", options: [{ id: "x", label: "Medical care" }, { id: "y", label: "Rehabilitation" }] });
  q.wording = await question({ sectionId: services.id, position: 4, type: "PROPOSED_WORDING", prompt: "Proposed wording" });
  q.general = await question({ sectionId: null, position: 5, type: "LONG_TEXT", prompt: "Anything else?" });
  await db().question.create({ data: { roundId: empty.id, sectionId: scope.id, position: 1, type: "LONG_TEXT", prompt: "Comments on the scope (round 2)" } });

  const types = {
    state: await db().stakeholderType.create({ data: { key: "state", label: "Affected State", position: 1 } }),
    ngo: await db().stakeholderType.create({ data: { key: "ngo", label: "NGO", position: 2 } }),
  };
  const answerIds = new Map<string, string>();
  for (const r of RESPONSES) {
    const organisation = await db().organisation.create({ data: { name: r.org, typeId: types[r.type].id } });
    const response = await db().response.create({
      data: {
        roundId: round.id,
        organisationId: organisation.id,
        status: r.status,
        attribution: r.attribution,
        consentToPublish: r.consent,
        channel: r.channel ?? "PLATFORM",
        submittedAt: r.status === "DRAFT" ? null : new Date("2026-10-01T10:00:00Z"),
      },
    });
    for (const [key, value] of Object.entries(r.answers)) {
      const answer = await db().answer.create({
        data: { responseId: response.id, questionId: q[key as keyof typeof q], ...(Array.isArray(value) ? { choices: value } : { text: value }) },
      });
      answerIds.set(`${r.org}/${key}`, answer.id);
    }
  }
  await db().worklistItem.create({
    data: {
      consultationId: consultation.id,
      roundId: round.id,
      summary: "Widen the scope",
      type: "TECHNICAL",
      status: "ACCEPTED",
      rationale: "Scope widened in section 1.",
      createdAt: new Date("2026-10-02T10:00:00Z"),
      sources: { create: [{ answerId: answerIds.get("Public State/scope")! }, { answerId: answerIds.get("TypeOnly NGO/scope")! }] },
    },
  });
  await db().worklistItem.create({
    data: {
      consultationId: consultation.id,
      roundId: round.id,
      summary: "Wording of the scope",
      type: "EDITORIAL",
      status: "NOTED",
      rationale: "Will consider.",
      createdAt: new Date("2026-10-03T10:00:00Z"),
      sources: { create: [{ answerId: answerIds.get("Public State/scope")! }] },
    },
  });
});

function path(name: string, roundId = ids.round) {
  return `/consultations/${ids.consultation}/rounds/${roundId}/exports/${name}`;
}

async function download(name: string, cookie = cookies.coordinator, roundId = ids.round): Promise<Response> {
  const response = await downloadLoader({ request: get(path(name, roundId), cookie), params: { consultationId: ids.consultation, roundId, name }, context });
  expect(response).toBeInstanceOf(Response);
  return response as Response;
}

async function csvRows(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs
  return parse(bytes.subarray(3).toString("utf8"), { relax_column_count: false });
}

async function xlsxRows(response: Response): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.value === null || cell.value === undefined ? "" : String(cell.value);
    });
    rows.push(Array.from(values, (v) => v ?? ""));
  });
  return rows;
}

async function docxText(response: Response): Promise<string> {
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" | ");
}

/** All the text of an export, however it is encoded. */
async function textOf(name: string, cookie = cookies.coordinator): Promise<string> {
  const response = await download(name, cookie);
  expect(response.status).toBe(200);
  if (name.endsWith(".csv")) return (await csvRows(response)).flat().join(" | ");
  if (name.endsWith(".xlsx")) return (await xlsxRows(response)).flat().join(" | ");
  if (name.endsWith(".docx")) return docxText(response);
  return JSON.stringify(await response.json());
}

describe("the comment-resolution matrix", () => {
  it("has one row per submitted comment in the ISO layout, with the decisions of its worklist items", async () => {
    const response = await download("matrix.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="exports-test-round-1-comment-matrix.csv"');
    const [header, ...rows] = await csvRows(response);
    expect(header).toEqual([
      "No.",
      "Stakeholder",
      "Clause/section",
      "Paragraph",
      "Type of comment (general/technical/editorial)",
      "Comment",
      "Proposed change",
      "Observations of the secretariat",
    ]);
    const byComment = (text: string) => rows.find((r) => r[5] === text || r[6] === text);
    // The formula guard, and French and Arabic text intact.
    expect(byComment("'=SUM(A1) Public comment: élargir la portée")).toEqual([
      expect.any(String),
      "Public State",
      "1 Scope",
      "",
      "technical, editorial",
      "'=SUM(A1) Public comment: élargir la portée",
      "",
      "Accepted: Scope widened in section 1.\nNoted: Will consider.",
    ]);
    expect(byComment("تعليق عام على الوثيقة")?.slice(1, 5)).toEqual(["Public State", "General (whole document)", "", ""]);
    expect(byComment("Public proposed wording")?.slice(1, 7)).toEqual(["Public State", "2 Services", "", "", "", "Public proposed wording"]);
    expect(byComment("TypeOnly comment on scope")?.slice(1, 5)).toEqual(["TypeOnly NGO", "1 Scope", "", "technical"]);
    // An imported comment table: one row per table row, with its paragraph.
    expect(byComment("Table comment one")?.slice(1, 4)).toEqual(["Table State", "1 Scope", "3.2"]);
    expect(byComment("Table comment two")?.[3]).toBe("4");
    expect(byComment("Table proposal")?.slice(3, 7)).toEqual(["5", "", "", "Table proposal"]);
    expect(byComment("Filed under general")?.slice(1, 4)).toEqual(["Table State", "Services", "7"]);
    expect(byComment("Confidential comment")?.[1]).toBe("Secret State");
    expect(byComment("Unconsented comment")?.[1]).toBe("Shy NGO");
    expect(byComment("Draft comment")).toBeUndefined();
    expect(byComment("Withdrawn comment")).toBeUndefined();
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    // Whole-document comments first, then by section and question.
    expect(rows.map((r) => r[2])).toEqual([
      "General (whole document)",
      "Services",
      "1 Scope",
      "1 Scope",
      "1 Scope",
      "1 Scope",
      "1 Scope",
      "1 Scope",
      "1 Scope",
      "2 Services",
    ]);
  });

  it("reads the same in the XLSX and the DOCX", async () => {
    const response = await download("matrix.xlsx");
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = await response.arrayBuffer();
    const [header, ...rows] = await xlsxRows(new Response(bytes));
    expect(header![7]).toBe("Observations of the secretariat");
    expect(rows).toHaveLength(10);
    // Filter buttons over the header and every row, the header frozen.
    const sheetXml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toContain('<autoFilter ref="A1:H11"/>');
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    // No formula guard needed in a spreadsheet cell that is text.
    expect(rows.find((r) => r[1] === "Public State" && r[2] === "1 Scope")?.slice(4, 6)).toEqual(["technical, editorial", "=SUM(A1) Public comment: élargir la portée"]);
    const docx = await download("matrix.docx");
    expect(docx.headers.get("content-disposition")).toBe('attachment; filename="exports-test-round-1-comment-matrix.docx"');
    const text = await docxText(docx);
    for (const expected of ["Observations of the secretariat", "Table comment two", "Accepted: Scope widened in section 1.", "Noted: Will consider.", "تعليق عام على الوثيقة"]) {
      expect(text).toContain(expected);
    }
  });
});

describe("attribution in every export", () => {
  const publication = EXPORTS.filter((e) => e.audience === "publication");
  const internal = EXPORTS.filter((e) => e.audience === "internal");

  it.each(publication.map((e) => e.name))("%s carries nothing confidential or unconsented, and no type-only organisation", async (name) => {
    const text = await textOf(name);
    for (const hidden of HIDDEN_FROM_PUBLICATION) expect(text).not.toContain(hidden);
    if (!name.startsWith("responses") || name.endsWith(".json")) expect(text).toContain("Public State");
    expect(text).toContain("A respondent of type “NGO”");
    if (name.startsWith("matrix") || name.startsWith("round")) expect(text).toContain("TypeOnly comment on scope");
  });

  it("an unnamed response in the raw responses says neither how nor when it came", async () => {
    for (const [name, cookie] of [["round-public.json", cookies.coordinator], ["round.json", cookies.analyst]] as const) {
      const { responses } = (await (await download(name, cookie)).json()) as { responses: Array<{ respondent: string; receivedBy: string; submittedAt: string | null }> };
      const unnamed = responses.filter((r) => r.respondent.startsWith("A "));
      expect(unnamed.length).toBeGreaterThan(0);
      for (const r of unnamed) expect(r).toMatchObject({ receivedBy: "", submittedAt: null });
      expect(responses.find((r) => r.respondent === "Public State")).toMatchObject({ receivedBy: "platform", submittedAt: expect.any(String) });
    }
  });

  it.each(internal.map((e) => e.name))("%s for an analyst names no confidential or type-only organisation", async (name) => {
    const text = await textOf(name, cookies.analyst);
    for (const hidden of ["Secret State", "TypeOnly NGO", "Draft comment", "Withdrawn comment"]) expect(text).not.toContain(hidden);
    expect(text).toContain("A confidential respondent (Affected State)");
    expect(text).toContain("A respondent of type “NGO”");
    expect(text).toContain("Shy NGO"); // public, if not for publication: analysts read it
  });

  it.each(internal.map((e) => e.name))("%s for a coordinator names everyone who submitted", async (name) => {
    const text = await textOf(name);
    for (const shown of ["Secret State", "TypeOnly NGO", "Shy NGO", "Public State"]) expect(text).toContain(shown);
    for (const hidden of ["Draft Org", "Withdrawn Org", "Draft comment", "Withdrawn comment"]) expect(text).not.toContain(hidden);
  });

  it("audits each download with its format and audience", async () => {
    await download("matrix-public.xlsx", cookies.analyst);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "export.downloaded", consultationId: ids.consultation }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ entityType: "Round", entityId: ids.round, data: { export: "matrix-public.xlsx", format: "xlsx", audience: "publication", reader: "publication" } });
  });
});

describe("raw responses", () => {
  it("have one row per submitted response and one column per question, with option labels", async () => {
    const [header, ...rows] = await xlsxRows(await download("responses.xlsx"));
    expect(header).toEqual([
      "Respondent",
      "Stakeholder type",
      "Received by",
      "Submitted (UTC)",
      "Publication",
      "1. The scope is right.",
      "2. Comments on the scope",
      "3. Which services?",
      "4. Proposed wording",
      "5. Anything else?",
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual(["Public State", "Secret State", "Shy NGO", "Table State", "TypeOnly NGO"]);
    const state = rows.find((r) => r[0] === "Public State")!;
    expect(state.slice(1, 6)).toEqual(["Affected State", "platform", "2026-10-01", "With the organisation's name", "Agree"]);
    expect(state[7]).toBe("Medical care; Rehabilitation");
    // The coordinator's copy says what each respondent allowed before anything is quoted.
    expect(Object.fromEntries(rows.map((r) => [r[0], r[4]]))).toMatchObject({
      "Secret State": "Confidential to the coordinators",
      "TypeOnly NGO": "Publish by type only",
      "Shy NGO": "Not for publication",
    });
    expect(rows.find((r) => r[0] === "Table State")?.[2]).toBe("comment table");
    const csv = await csvRows(await download("responses.csv"));
    expect(csv.find((r) => r[0] === "TypeOnly NGO")?.[5]).toBe("Disagree");
  });
});

describe("the round as JSON", () => {
  it("holds the questions, the responses and the matrix", async () => {
    const response = await download("round-public.json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const json = await response.json();
    expect(json.audience).toBe("publication");
    expect(json.round).toMatchObject({ number: 1, title: "Round 1" });
    expect(json.questions.map((x: { prompt: string }) => x.prompt)).toContain("Which services?");
    expect(json.responses.map((r: { respondent: string }) => r.respondent).sort()).toEqual(["A respondent of type “NGO”", "Public State", "Table State"]);
    const state = json.responses.find((r: { respondent: string }) => r.respondent === "Public State");
    expect(state.answers).toContainEqual({ question: 3, choices: ["Medical care", "Rehabilitation"] });
    expect(json.commentMatrix).toHaveLength(8);
  });
});

describe("a round with no answers", () => {
  it.each(EXPORTS.map((e) => e.name))("%s is a valid file with its headers only", async (name) => {
    const response = await download(name, cookies.coordinator, ids.emptyRound);
    expect(response.status).toBe(200);
    if (name.endsWith(".csv")) expect(await csvRows(response)).toHaveLength(1);
    else if (name.endsWith(".xlsx")) expect(await xlsxRows(response)).toHaveLength(1);
    else if (name.endsWith(".docx")) expect(await docxText(response)).toContain("There are no comments in this round yet.");
    else expect(await response.json()).toMatchObject({ responses: [], commentMatrix: [] });
  });

  it("lists every export with no rows", async () => {
    const page = await outcome(() =>
      pageLoader({ request: get(path("", ids.emptyRound).replace(/\/$/, ""), cookies.coordinator), params: { consultationId: ids.consultation, roundId: ids.emptyRound }, context }),
    );
    expect(page.status).toBe(200);
    expect(page.data.exports).toHaveLength(EXPORTS.length);
    expect(page.data.exports.every((e: { rows: number }) => e.rows === 0)).toBe(true);
  });
});

describe("the exports page and access", () => {
  it("counts rows for the reader", async () => {
    const page = await outcome(() =>
      pageLoader({ request: get(path("").replace(/\/$/, ""), cookies.coordinator), params: { consultationId: ids.consultation, roundId: ids.round }, context }),
    );
    const rows = Object.fromEntries(page.data.exports.map((e: { name: string; rows: number }) => [e.name, e.rows]));
    expect(rows).toMatchObject({ "matrix.xlsx": 10, "matrix-public.csv": 8, "responses.csv": 5, "responses-public.xlsx": 3 });
  });

  it("refuses strangers and unknown names", async () => {
    const stranger = await outcome(() => downloadLoader({ request: get(path("matrix.csv"), cookies.stranger), params: { consultationId: ids.consultation, roundId: ids.round, name: "matrix.csv" }, context }));
    expect(stranger.status).toBe(404);
    const unknown = await outcome(() => downloadLoader({ request: get(path("secrets.csv")), params: { consultationId: ids.consultation, roundId: ids.round, name: "secrets.csv" }, context }));
    expect([302, 303, 401, 404]).toContain(unknown.status);
    const named = await outcome(() => downloadLoader({ request: get(path("secrets.csv"), cookies.coordinator), params: { consultationId: ids.consultation, roundId: ids.round, name: "secrets.csv" }, context }));
    expect(named.status).toBe(404);
  });
});
