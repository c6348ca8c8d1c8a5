/**
 * Recovering from an email outage, with real parts: the SMTP server is down (nothing listens
 * on its port), every message of a consultation fails with a readable explanation, and after
 * "Retry all failed messages" (which follows the page's filter, and is audited) a real SMTP
 * server started by the test receives each message once. A coordinator who is not an admin
 * sees all the mail about their consultation (invitations, round opened, receipts), and none
 * of another consultation's.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { inviteOrganisations } from "~/modules/invitation/invitations.server";
import { queueEmail } from "~/modules/mail/outbox.server";
import { createMailTransport } from "~/modules/mail/transport.server";
import { sendPendingEmails } from "~/modules/mail/worker.server";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { submitResponse } from "~/modules/response/submission.server";
import { transitionRound } from "~/modules/round/lifecycle.server";
import { action as outboxAction, loader as outboxLoader } from "~/routes/outbox";
import { answerQuestions } from "./response-helpers";
import { consultationWithRound } from "./round-fixture";
import { context, cookieFor, get, outcome, post } from "./route-helpers";

const DAY = 24 * 60 * 60_000;
const FROM = "Consult <no-reply@consult.test>";

/** A port nothing listens on: a server is opened on a free port and closed again. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startSmtpServer() {
  const delivered: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        delivered.push(/^X-Consult-Message-Id:\s*(\S+)/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "");
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, delivered, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let consultationId: string;
let otherConsultationId: string;
const people = {} as Record<"lead" | "colleague" | "otherLead", { id: string; cookie: string }>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

const messagesAbout = (id: string) =>
  db().emailMessage.findMany({ where: { OR: [{ consultationId: id }, { invitationLink: { invitation: { round: { consultationId: id } } } }] }, orderBy: { id: "asc" } });

const outbox = (cookie: string, query = "") => outcome(() => outboxLoader({ request: get(`/outbox${query}`, cookie), params: {}, context }));
const retryAll = (cookie: string, filter: Record<string, string> = {}) =>
  outcome(() => outboxAction({ request: post("/outbox", { intent: "retry-all", ...filter }, cookie), params: {}, context }));

beforeAll(async () => {
  const user = async (email: string) => {
    const u = await db().user.create({ data: { email, name: email.split("@")[0]! } });
    return { id: u.id, cookie: await cookieFor(u.id) };
  };
  people.lead = await user("lead@recovery.example");
  people.colleague = await user("colleague@recovery.example");
  people.otherLead = await user("other@recovery.example");
  const fixture = await consultationWithRound({
    slug: "recovery",
    title: "Recovery",
    members: [
      { userId: people.lead.id, role: "COORDINATOR" },
      { userId: people.colleague.id, role: "COORDINATOR" },
    ],
    round: { status: "DRAFT" },
  });
  consultationId = fixture.consultation.id;
  const roundId = fixture.round.id;
  await db().round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 20 * DAY) } });
  await db().question.create({ data: { roundId, sectionId: fixture.scope.id, position: 1, type: "LONG_TEXT", prompt: "Comments?", required: true } });
  const type = await db().stakeholderType.create({ data: { key: "state", label: "State", position: 1 } });
  const contacts = await Promise.all(["focal@a.example", "second@a.example"].map((email) => db().user.create({ data: { email, name: email.split("@")[0]! } })));
  const organisation = await db().organisation.create({
    data: { name: "State A", typeId: type.id, contacts: { create: contacts.map((c, i) => ({ userId: c.id, role: i === 0 ? "SUBMITTER" : "CONTRIBUTOR" })) } },
  });
  await inviteOrganisations(people.lead.id, roundId, { audienceTypes: [], organisationIds: [organisation.id] });
  const invitation = await db().invitation.findFirstOrThrow({ where: { roundId } });
  // Opening emails the contacts their links and tells the other coordinator; submitting sends a receipt.
  expect(await transitionRound(people.lead.id, roundId, "open")).toMatchObject({ ok: true, status: "OPEN" });
  await answerQuestions(invitation.id, contacts[0]!.id);
  await submitResponse({ round: await loadRespondentRound(invitation.id), userId: contacts[0]!.id, attribution: "PUBLIC", consentToPublish: true });

  const other = await consultationWithRound({ slug: "other", title: "Other", members: [{ userId: people.otherLead.id, role: "COORDINATOR" }], round: { status: "DRAFT" } });
  otherConsultationId = other.consultation.id;
  await queueEmail(db(), {
    template: "round-opened",
    to: "someone@other.example",
    language: "en",
    consultationId: otherConsultationId,
    props: { name: "Someone", consultationTitle: "Other", roundTitle: "Round 1", closesAtText: "", organisations: 1, links: 1, link: "https://consult.test/x", language: "en" },
  });
  await queueEmail(db(), {
    template: "sign-in",
    to: "lead@recovery.example",
    language: "en",
    props: { name: "Lead", link: "https://consult.test/sign-in/t", code: "12345678", expiresInMinutes: 15, language: "en" },
  });
});

afterAll(async () => {
  await smtp?.close();
});

describe("an SMTP server that is down", () => {
  it("leaves every message queued, then failed after the last attempt, with the connection error recorded", async () => {
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${await deadPort()}`, from: FROM, dataDir: os.tmpdir() });
    let now = Date.now();
    const first = await sendPendingEmails({ db: db(), transport, batchSize: 50, now: new Date(now), backoffMs: () => 60_000 });
    expect(first.sent).toBe(0);
    expect(first.retrying).toBe(first.claimed);
    expect((await db().emailMessage.findMany()).every((m) => m.status === "PENDING" && /ECONNREFUSED/.test(m.lastError ?? ""))).toBe(true);
    for (let i = 0; i < 10; i++) {
      now += 2 * 60_000;
      await sendPendingEmails({ db: db(), transport, batchSize: 50, now: new Date(now), backoffMs: () => 60_000 });
    }
    transport.close();
    const all = await db().emailMessage.findMany();
    expect(all.length).toBe(6); // 2 invitations, round opened, a receipt; another consultation's message; a sign-in email
    expect(all.every((m) => m.status === "FAILED" && m.attempts === 8)).toBe(true);
  });
});

describe("the outbox of a coordinator who is not an admin", () => {
  it("shows every message about their consultation, with a plain explanation of the connection error, and nothing else", async () => {
    const about = await messagesAbout(consultationId);
    expect(new Set(about.map((m) => m.template))).toEqual(new Set(["invitation", "round-opened", "submission-receipt"]));
    const page = await outbox(people.lead.cookie);
    expect(page.status).toBe(200);
    expect(page.data.messages.map((m: { id: string }) => m.id).sort()).toEqual(about.map((m) => m.id).sort());
    expect(page.data.failedShown).toBe(about.length);
    for (const m of page.data.messages) {
      expect(m.explanation).toBe("The mail server could not be reached: check SMTP_URL and that the server runs; messages are retried automatically.");
      expect(m.lastError).toMatch(/ECONNREFUSED/);
    }
    const others = await outbox(people.otherLead.cookie);
    expect(others.data.messages.map((m: { template: string; to: string }) => `${m.template} ${m.to}`)).toEqual(["round-opened someone@other.example"]);
  });
});

describe("retry all failed messages", () => {
  it("puts back only what the page's filter shows, audited per message, then everything; a real server then receives each once", async () => {
    const about = await messagesAbout(consultationId);
    const invitations = about.filter((m) => m.template === "invitation");

    const filtered = await retryAll(people.lead.cookie, { status: "FAILED", template: "invitation" });
    expect(filtered).toMatchObject({ status: 302, location: `/outbox?status=FAILED&template=invitation&retried=${invitations.length}` });
    const afterFiltered = await messagesAbout(consultationId);
    expect(afterFiltered.filter((m) => m.status === "PENDING").map((m) => m.id).sort()).toEqual(invitations.map((m) => m.id).sort());

    const rest = await retryAll(people.lead.cookie);
    expect(rest).toMatchObject({ status: 302, location: `/outbox?retried=${about.length - invitations.length}` });
    expect((await messagesAbout(consultationId)).every((m) => m.status === "PENDING" && m.attempts === 0)).toBe(true);
    // Nothing left to retry: said plainly, nothing changes.
    expect((await retryAll(people.lead.cookie)).status).toBe(409);
    // Another consultation's message and the sign-in email are not this coordinator's to retry.
    expect(await db().emailMessage.count({ where: { status: "FAILED" } })).toBe(2);

    const audited = await db().auditEvent.findMany({ where: { action: "email.retried" } });
    expect(audited.map((e) => e.entityId).sort()).toEqual(about.map((m) => m.id).sort());
    expect(audited.every((e) => e.actorId === people.lead.id && e.consultationId === consultationId)).toBe(true);

    smtp = await startSmtpServer();
    const transport = createMailTransport({ smtpUrl: smtp.url, from: FROM, dataDir: os.tmpdir() });
    await sendPendingEmails({ db: db(), transport, batchSize: 50 });
    await sendPendingEmails({ db: db(), transport, batchSize: 50 });
    transport.close();
    expect(smtp.delivered.sort()).toEqual(about.map((m) => m.id).sort());
    expect((await messagesAbout(consultationId)).every((m) => m.status === "SENT" && m.lastError === null)).toBe(true);
    // The page counts every try, the 8 failed ones before the retry and the delivery: never "Sent" after 0 attempts.
    const sent = await outbox(people.lead.cookie, "?status=SENT");
    expect(sent.data.messages.map((m: { attempts: number }) => m.attempts)).toEqual(about.map(() => 9));
  });
});
