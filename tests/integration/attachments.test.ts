/**
 * Attachments through the real routes: accepted by content (PDF, Word, OpenDocument, Excel,
 * PNG) whatever the name says, refused when the content is something else or over 20 MB,
 * at most ten per response, listed on the review page and in the receipt, downloadable by
 * the organisation's contacts and the consultation's coordinators only, removed after a confirmation.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { review } from "~/modules/i18n/messages/review";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/modules/response/attachment-rules";
import { loader as downloadLoader } from "~/routes/attachments.$attachmentId";
import { action as removeAction, loader as removeLoader } from "~/routes/respond.$invitationId.attachments.$attachmentId.remove";
import { action as attachAction, loader as attachLoader } from "~/routes/respond.$invitationId.attachments._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/respond.$invitationId.review";
import { seedDemo } from "../../prisma/seed/demo";
import { answerQuestions, organisationInRound, upload } from "./response-helpers";
import { BASE, context, cookieForEmail, get, outcome, post } from "./route-helpers";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

type Org = Awaited<ReturnType<typeof organisationInRound>>;
let iraq: Org; // submitter and contributor, a draft in the demo
let chad: Org;

// Iraq's contacts read Arabic: messages come in their language.
const AR = review.ar;
const NOT_ACCEPTED = AR["error.notAccepted"];

const attach = (org: Org, cookie: string, file: Parameters<typeof upload>[1], invitationId = org.invitationId) =>
  outcome(() => attachAction({ request: upload(`/respond/${invitationId}/attachments`, file, cookie), params: { invitationId }, context }));
const download = (id: string, cookie?: string) => outcome(() => downloadLoader({ request: get(`/attachments/${id}`, cookie), params: { attachmentId: id }, context }));
const stored = (org: Org) =>
  db().attachment.findMany({ where: { response: { roundId: org.roundId, organisationId: org.organisationId } }, orderBy: { createdAt: "asc" } });
const reviewPage = (org: Org, cookie: string) =>
  outcome(() => reviewLoader({ request: get(`/respond/${org.invitationId}/review`, cookie), params: { invitationId: org.invitationId }, context }));

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  iraq = await organisationInRound("Iraq");
  chad = await organisationInRound("Chad");
});

describe("uploading", () => {
  it("accepts PDF, Word, OpenDocument, Excel and PNG files by their content, audited, and lists them on the review page", async () => {
    const files = [
      { name: "Signed letter.pdf", content: fixture("letter.pdf"), type: "application/pdf" },
      { name: "draft.docx", content: fixture("draft.docx"), type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { name: "notes.odt", content: fixture("notes.odt"), type: "application/vnd.oasis.opendocument.text" },
      { name: "figures.xlsx", content: fixture("figures.xlsx"), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      // The declared name and type are the sender's word: the content says PNG.
      { name: "chart.pdf", content: fixture("chart.png"), type: "application/pdf" },
    ];
    for (const file of files) {
      const result = await attach(iraq, iraq.contributor!.cookie, file);
      expect(result).toMatchObject({ status: 302, location: `/respond/${iraq.invitationId}/review?done=attached#attachments` });
    }
    const rows = await stored(iraq);
    expect(rows.map((r) => [r.filename, r.mediaType, r.size])).toEqual([
      ["Signed letter.pdf", "application/pdf", files[0]!.content.length],
      ["draft.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", files[1]!.content.length],
      ["notes.odt", "application/vnd.oasis.opendocument.text", files[2]!.content.length],
      ["figures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files[3]!.content.length],
      ["chart.png", "image/png", files[4]!.content.length],
    ]);
    expect(rows[0]!.sha256).toBe(createHash("sha256").update(files[0]!.content).digest("hex"));
    expect(Buffer.from(rows[0]!.content).equals(files[0]!.content)).toBe(true);
    expect(rows.every((r) => r.uploadedById === iraq.contributor!.id)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "response.attachment-added", entityId: rows[0]!.responseId, actorId: iraq.contributor!.id } })).toBe(5);

    const page = await reviewPage(iraq, iraq.submitter.cookie);
    expect(page.data.attachments.map((a: { filename: string; kind: string; by: string }) => [a.filename, a.kind, a.by])).toEqual([
      ["Signed letter.pdf", "PDF", iraq.contributor!.name],
      ["draft.docx", "Word", iraq.contributor!.name],
      ["notes.odt", "OpenDocument", iraq.contributor!.name],
      ["figures.xlsx", "Excel", iraq.contributor!.name],
      ["chart.png", "PNG", iraq.contributor!.name],
    ]);
    expect(page.data.attachments[0].size).toMatch(/^\d+ B$|KB$/);
  });

  it("refuses a program renamed .pdf and a text file renamed .docx with a clear 400, storing nothing", async () => {
    const before = (await stored(iraq)).length;
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(512, 0x41)]);
    for (const file of [
      { name: "letter.pdf", content: exe, type: "application/pdf" },
      { name: "setup.exe", content: exe, type: "application/x-msdownload" },
      { name: "notes.docx", content: Buffer.from("just some text\n"), type: "text/plain" },
      { name: "notes.txt", content: Buffer.from("%PD just some text\n"), type: "text/plain" },
      // A zip that is neither Word, Excel nor OpenDocument.
      { name: "archive.xlsx", content: Buffer.from("PK\x03\x04 not a real zip", "latin1") },
    ]) {
      const result = await attach(iraq, iraq.submitter.cookie, file);
      expect(result.status, file.name).toBe(400);
      expect(result.data.errors.file).toBe(NOT_ACCEPTED);
    }
    expect((await stored(iraq)).length).toBe(before);
  });

  it("refuses an empty form and a file over 20 MB with a 400; the page still works", async () => {
    const empty = await attach(iraq, iraq.submitter.cookie, null);
    expect(empty.status).toBe(400);
    expect(empty.data.errors.file).toBe(AR["error.empty"]);

    const big = Buffer.concat([fixture("letter.pdf"), Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - fixture("letter.pdf").length, 0x20)]);
    const tooLarge = await attach(iraq, iraq.submitter.cookie, { name: "big.pdf", content: big, type: "application/pdf" });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.data.errors.file).toBe(AR["error.tooLarge"]);
    // Exactly 20 MB is allowed.
    const limit = big.subarray(0, MAX_ATTACHMENT_BYTES);
    expect((await attach(iraq, iraq.submitter.cookie, { name: "exactly-20.pdf", content: limit })).status).toBe(302);

    const page = await outcome(() => attachLoader({ request: get(`/respond/${iraq.invitationId}/attachments`, iraq.submitter.cookie), params: { invitationId: iraq.invitationId }, context }));
    expect(page.status).toBe(200);
    expect(page.data.attachments).toHaveLength(6);
  });

  it("answers a malformed multipart body with 400, not 500", async () => {
    const truncated = new Request(`${BASE}/respond/${iraq.invitationId}/attachments`, {
      method: "POST",
      headers: { cookie: iraq.submitter.cookie, "content-type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off here',
    });
    expect((await outcome(() => attachAction({ request: truncated, params: { invitationId: iraq.invitationId }, context }))).status).toBe(400);
    const noBoundary = new Request(`${BASE}/respond/${iraq.invitationId}/attachments`, {
      method: "POST",
      headers: { cookie: iraq.submitter.cookie, "content-type": "multipart/form-data" },
      body: "whatever",
    });
    expect((await outcome(() => attachAction({ request: noBoundary, params: { invitationId: iraq.invitationId }, context }))).status).toBe(400);
    const urlencoded = post(`/respond/${iraq.invitationId}/attachments`, { file: "letter.pdf" }, iraq.submitter.cookie);
    expect((await outcome(() => attachAction({ request: urlencoded, params: { invitationId: iraq.invitationId }, context }))).status).toBe(400);
  });

  it(`allows at most ${MAX_ATTACHMENTS} files per response`, async () => {
    const png = fixture("chart.png");
    for (let i = (await stored(iraq)).length; i < MAX_ATTACHMENTS; i++) {
      expect((await attach(iraq, iraq.submitter.cookie, { name: `chart-${i}.png`, content: png })).status).toBe(302);
    }
    const refused = await attach(iraq, iraq.submitter.cookie, { name: "one-too-many.png", content: png });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.file).toBe(AR["error.tooMany"]!.replace("{{count}}", String(MAX_ATTACHMENTS)));
    expect(await stored(iraq)).toHaveLength(MAX_ATTACHMENTS);
  });

  it("is not found (404) through another organisation's invitation", async () => {
    const result = await attach(iraq, chad.submitter.cookie, { name: "letter.pdf", content: fixture("letter.pdf") });
    expect(result.status).toBe(404);
    expect(await stored(iraq)).toHaveLength(MAX_ATTACHMENTS);
  });
});

describe("downloading", () => {
  it("serves the file as a download with the detected type, a safe name and nosniff", async () => {
    const pdf = (await stored(iraq)).find((r) => r.filename === "Signed letter.pdf")!;
    const result = await downloadLoader({ request: get(`/attachments/${pdf.id}`, iraq.contributor!.cookie), params: { attachmentId: pdf.id }, context });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("application/pdf");
    expect(result.headers.get("x-content-type-options")).toBe("nosniff");
    expect(result.headers.get("content-disposition")).toBe(`attachment; filename="Signed letter.pdf"; filename*=UTF-8''Signed%20letter.pdf`);
    expect(Buffer.from(await result.arrayBuffer()).equals(fixture("letter.pdf"))).toBe(true);
  });

  it("is for the organisation's contacts and the consultation's staff; 404 for everyone else", async () => {
    const id = (await stored(iraq))[0]!.id;
    const other = await db().user.create({ data: { email: "lead@elsewhere.example", name: "Other lead" } });
    await db().consultation.create({ data: { slug: "elsewhere", title: "Elsewhere", members: { create: { userId: other.id, role: "COORDINATOR" } } } });
    expect((await download(id, iraq.submitter.cookie)).status).toBe(200);
    expect((await download(id, await cookieForEmail("coordinator@consult.localhost"))).status).toBe(200);
    // Not analysts: a signed letter names its organisation (decision 009).
    expect((await download(id, await cookieForEmail("analyst@consult.localhost"))).status).toBe(404);
    expect((await download(id, chad.submitter.cookie)).status).toBe(404);
    expect((await download(id, await cookieForEmail("lead@elsewhere.example"))).status).toBe(404);
    expect((await download("no-such-attachment", iraq.submitter.cookie)).status).toBe(404);
    const anonymous = await download(id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/sign-in");
  });
});

describe("removing", () => {
  it("asks first, then removes on the post, audited; another organisation's contact gets 404", async () => {
    const [first] = await stored(iraq);
    const params = { invitationId: iraq.invitationId, attachmentId: first!.id };
    const path = `/respond/${iraq.invitationId}/attachments/${first!.id}/remove`;
    const confirm = await outcome(() => removeLoader({ request: get(path, iraq.contributor!.cookie), params, context }));
    expect(confirm.status).toBe(200);
    expect(confirm.data.filename).toBe("Signed letter.pdf");
    expect((await outcome(() => removeLoader({ request: get(path, chad.submitter.cookie), params, context }))).status).toBe(404);
    expect((await outcome(() => removeAction({ request: post(path, {}, chad.submitter.cookie), params, context }))).status).toBe(404);
    // An attachment of Iraq's named through Chad's invitation is not found either.
    const crossed = { invitationId: chad.invitationId, attachmentId: first!.id };
    expect((await outcome(() => removeAction({ request: post(`/respond/${chad.invitationId}/attachments/${first!.id}/remove`, {}, chad.submitter.cookie), params: crossed, context }))).status).toBe(404);
    expect(await stored(iraq)).toHaveLength(MAX_ATTACHMENTS);

    const removed = await outcome(() => removeAction({ request: post(path, {}, iraq.contributor!.cookie), params, context }));
    expect(removed).toMatchObject({ status: 302, location: `/respond/${iraq.invitationId}/review?done=removed#attachments` });
    expect(await stored(iraq)).toHaveLength(MAX_ATTACHMENTS - 1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "response.attachment-removed", entityId: first!.responseId } });
    expect(audit).toMatchObject({ actorId: iraq.contributor!.id, consultationId: iraq.consultationId });
  });
});

describe("the receipt", () => {
  it("lists the attached files with their sizes", async () => {
    await answerQuestions(iraq.invitationId, iraq.submitter.id);
    const result = await outcome(() =>
      reviewAction({ request: post(`/respond/${iraq.invitationId}/review`, { attribution: "PUBLIC", consent: "yes", submitKey: "receipt-test-key" }, iraq.submitter.cookie), params: { invitationId: iraq.invitationId }, context }),
    );
    expect(result.status).toBe(302);
    const [email] = await readOutbox(db(), { where: { template: "submission-receipt", toAddress: iraq.submitter.email }, take: 1 });
    if (!email) throw new Error("no receipt");
    // Iraq's submitter reads Arabic: the receipt is in Arabic, and names every file.
    expect(email.language).toBe("ar");
    expect(email.text).toContain("الملفات المرفقة");
    for (const a of await stored(iraq)) expect(email.text).toContain(a.filename);
    expect(email.text).toMatch(/figures\.xlsx \([\d٠-٩.,٫]+ (KB|B)\)/);
    expect(email.html).toContain("draft.docx");
  });
});

describe("after the round has closed", () => {
  it("refuses to attach or remove a file (409, in the reader's language) and keeps the files as they are", async () => {
    const before = await stored(iraq);
    expect(before.length).toBeGreaterThan(0);
    const { closesAt } = await db().round.findUniqueOrThrow({ where: { id: iraq.roundId } });
    await db().round.update({ where: { id: iraq.roundId }, data: { closesAt: new Date(Date.now() - 60_000) } });
    try {
      const attached = await attach(iraq, iraq.contributor!.cookie, { name: "late.pdf", type: "application/pdf", content: fixture("letter.pdf") });
      expect(attached.status).toBe(409);
      const params = { invitationId: iraq.invitationId, attachmentId: before[0]!.id };
      const removed = await outcome(() => removeAction({ request: post(`/respond/${iraq.invitationId}/attachments/${before[0]!.id}/remove`, {}, iraq.contributor!.cookie), params, context }));
      expect(removed.status).toBe(409);
      expect(removed.data.error).toBe(AR["error.closed"]);
      const page = await outcome(() => removeLoader({ request: get(`/respond/${iraq.invitationId}/attachments/${before[0]!.id}/remove`, iraq.contributor!.cookie), params, context }));
      expect(page.data.isOpen).toBe(false);
      expect((await stored(iraq)).map((a) => a.id)).toEqual(before.map((a) => a.id));
    } finally {
      await db().round.update({ where: { id: iraq.roundId }, data: { closesAt } });
    }
  });
});
