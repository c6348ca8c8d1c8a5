/**
 * The mail module end to end, with real parts: a PostgreSQL database (one per test file, see
 * tests/setup), a real SMTP server (smtp-server on 127.0.0.1) and nodemailer. The clock is
 * passed in, so backoff is tested without waiting.
 */
import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "~/modules/db/client.server";
import { queueEmail, queueEmails } from "~/modules/mail/outbox.server";
import { renderEmail } from "~/modules/mail/render.server";
import {
  createMailTransport,
  listLocalMailbox,
  readLocalMessage,
  type MailTransport,
} from "~/modules/mail/transport.server";
import { retryEmail, sendPendingEmails, startMailWorker } from "~/modules/mail/worker.server";

const FROM = "Consult <no-reply@consult.test>";

// ───────────────────────────── a real SMTP server ─────────────────────────────

type Delivery = { id: string; to: string[]; raw: string };
type Decision = (id: string, attempt: number) => { code: number; message: string } | null;

async function startSmtpServer(options: { decide?: Decision; rejectRecipient?: (address: string) => boolean } = {}) {
  const delivered: Delivery[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const id = /^X-Consult-Message-Id:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        const attempt = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, attempt);
        const reject = options.decide?.(id, attempt);
        if (reject) return callback(Object.assign(new Error(reject.message), { responseCode: reject.code }));
        delivered.push({ id, to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded parts of a multipart message, by content type (enough MIME for these tests). */
function mimeParts(raw: string): Record<string, string> {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) throw new Error("not a multipart message");
  const parts: Record<string, string> = {};
  for (const chunk of raw.split(`--${boundary}`).slice(1)) {
    const [head = "", ...rest] = chunk.split(/\r?\n\r?\n/);
    const body = rest.join("\n\n");
    const type = /^Content-Type:\s*([^;\s]+)/im.exec(head)?.[1]?.toLowerCase();
    if (!type) continue;
    const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
    parts[type] =
      encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? Buffer.from(
              body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              "latin1",
            ).toString("utf8")
          : body;
  }
  return parts;
}

// ───────────────────────────── fixtures ─────────────────────────────

let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: MailTransport;

function signInProps(n: number, language = "en") {
  return { name: `Person ${n}`, link: `https://consult.test/sign-in/token-${n}`, code: String(10_000_000 + n), expiresInMinutes: 15, language };
}

async function queueSignIn(n: number, to = `person${n}@example.org`) {
  return queueEmail(db, { template: "sign-in", to, language: "en", props: signInProps(n) });
}

const seconds = (s: number) => s * 1000;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through vitest (tests/setup gives each file a database)");
  db = createPrismaClient(url, 4);
});

afterAll(async () => {
  await db?.$disconnect();
});

beforeEach(async () => {
  await db.emailMessage.deleteMany();
});

describe("with an SMTP server", () => {
  let decide: Decision | undefined;
  let rejectRecipient: ((address: string) => boolean) | undefined;

  beforeAll(async () => {
    smtp = await startSmtpServer({ decide: (id, n) => decide?.(id, n) ?? null, rejectRecipient: (a) => rejectRecipient?.(a) ?? false });
    transport = createMailTransport({ smtpUrl: smtp.url, from: FROM, dataDir: os.tmpdir() });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    decide = undefined;
    rejectRecipient = undefined;
    smtp.delivered.length = 0;
    smtp.attempts.clear();
  });

  it("delivers a queued sign-in email once, with a plain-text and an HTML part", async () => {
    const id = await db.$transaction((tx) =>
      queueEmail(tx, { template: "sign-in", to: "amina@example.org", language: "en", props: signInProps(7) }),
    );
    expect(transport.kind).toBe("smtp");

    const first = await sendPendingEmails({ db, transport });
    expect(first).toMatchObject({ claimed: 1, sent: 1 });
    const again = await sendPendingEmails({ db, transport });
    expect(again.claimed).toBe(0);

    expect(smtp.delivered).toHaveLength(1);
    const [mail] = smtp.delivered;
    expect(mail!.id).toBe(id);
    expect(mail!.to).toEqual(["amina@example.org"]);
    expect(mail!.raw).toMatch(/^Subject: Your Consult sign-in link/m);
    expect(mail!.raw).toMatch(new RegExp(`^Message-ID: <${id}@consult\\.test>`, "m"));
    const parts = mimeParts(mail!.raw);
    expect(parts["text/plain"]).toContain("10000007");
    expect(parts["text/plain"]).toContain("https://consult.test/sign-in/token-7");
    expect(parts["text/plain"]).not.toContain("<");
    expect(parts["text/html"]).toContain('href="https://consult.test/sign-in/token-7"');
    expect(parts["text/html"]).toContain('lang="en"');

    const row = await db.emailMessage.findUniqueOrThrow({ where: { id }, include: { deliveryAttempts: true } });
    expect(row.status).toBe("SENT");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.providerMessageId).toBe(`<${id}@consult.test>`);
    expect(row.lockedUntil).toBeNull();
    expect(row.deliveryAttempts.map((a) => a.ok)).toEqual([true]);
  });

  it("sends nothing for a transaction that rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, { template: "sign-in", to: "amina@example.org", language: "en", props: signInProps(1) });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.emailMessage.count()).toBe(0);
    expect((await sendPendingEmails({ db, transport })).claimed).toBe(0);
  });

  it("retries a refused message with growing delays and delivers it exactly once", async () => {
    decide = (_id, attempt) => (attempt <= 2 ? { code: 451, message: "4.3.0 Try again later" } : null);
    const id = await queueSignIn(1);
    let now = new Date(Date.now() + 1000);

    expect(await sendPendingEmails({ db, transport, now })).toMatchObject({ claimed: 1, retrying: 1 });
    let row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toContain("451");
    const firstDelay = row.nextAttemptAt.getTime() - now.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(seconds(27));
    expect(firstDelay).toBeLessThanOrEqual(seconds(33));

    // Not due yet: nothing happens.
    now = new Date(now.getTime() + seconds(20));
    expect((await sendPendingEmails({ db, transport, now })).claimed).toBe(0);

    now = new Date(now.getTime() + seconds(15));
    expect(await sendPendingEmails({ db, transport, now })).toMatchObject({ claimed: 1, retrying: 1 });
    row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 2 });
    const secondDelay = row.nextAttemptAt.getTime() - now.getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(seconds(54));
    expect(secondDelay).toBeLessThanOrEqual(seconds(66));

    now = new Date(now.getTime() + seconds(70));
    expect(await sendPendingEmails({ db, transport, now })).toMatchObject({ claimed: 1, sent: 1 });
    now = new Date(now.getTime() + seconds(3600));
    expect((await sendPendingEmails({ db, transport, now })).claimed).toBe(0);

    expect(smtp.attempts.get(id)).toBe(3);
    expect(smtp.delivered.map((d) => d.id)).toEqual([id]);
    const done = await db.emailMessage.findUniqueOrThrow({ where: { id }, include: { deliveryAttempts: { orderBy: { at: "asc" } } } });
    expect(done.status).toBe("SENT");
    expect(done.deliveryAttempts.map((a) => a.ok)).toEqual([false, false, true]);
  });

  it("gives up after 8 attempts, and retryEmail puts the message back", async () => {
    let refusing = true;
    decide = () => (refusing ? { code: 421, message: "4.7.0 Service not available" } : null);
    const id = await queueSignIn(2);
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < 12; i++) {
      await sendPendingEmails({ db, transport, now });
      now = new Date(now.getTime() + seconds(2 * 3600));
    }
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { id }, include: { deliveryAttempts: true } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 8 });
    expect(failed.lastError).toContain("421");
    expect(failed.deliveryAttempts).toHaveLength(8);
    expect(smtp.delivered).toHaveLength(0);

    refusing = false;
    expect(await retryEmail(db, id)).toBe(true);
    expect(await retryEmail(db, id)).toBe(false); // only a FAILED message can be retried
    expect(await sendPendingEmails({ db, transport })).toMatchObject({ sent: 1 });
    expect(smtp.delivered.map((d) => d.id)).toEqual([id]);
  });

  it("fails at once when the server refuses the recipient for good", async () => {
    rejectRecipient = (address) => address.startsWith("nobody@");
    const id = await queueSignIn(3, "nobody@example.org");
    expect(await sendPendingEmails({ db, transport })).toMatchObject({ failed: 1 });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toContain("550");
  });

  it("takes over a message whose worker stopped half way, but not one still leased", async () => {
    const stale = await queueSignIn(4);
    const leased = await queueSignIn(5);
    await db.emailMessage.update({ where: { id: stale }, data: { status: "SENDING", lockedUntil: new Date(Date.now() - 1000) } });
    await db.emailMessage.update({ where: { id: leased }, data: { status: "SENDING", lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await sendPendingEmails({ db, transport })).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.delivered.map((d) => d.id)).toEqual([stale]);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: leased } })).status).toBe("SENDING");
  });

  it("two workers with their own connections deliver 50 messages exactly once despite refusals", async () => {
    // About 30% of messages are refused once or twice before the server takes them.
    const refusals = (id: string) => {
      const sum = [...id].reduce((s, c) => s + c.charCodeAt(0), 0);
      return sum % 10 < 3 ? 1 + (sum % 2) : 0;
    };
    decide = (id, attempt) => (attempt <= refusals(id) ? { code: 451, message: "4.3.0 Try again later" } : null);

    const ids: string[] = [];
    for (let n = 0; n < 50; n++) ids.push(await queueSignIn(100 + n));
    const expectedRefusals = ids.reduce((s, id) => s + refusals(id), 0);
    expect(expectedRefusals).toBeGreaterThan(5);

    const url = process.env.DATABASE_URL!;
    const workers = [0, 1].map(() => ({
      db: createPrismaClient(url, 2),
      transport: createMailTransport({ smtpUrl: smtp.url, from: FROM, dataDir: os.tmpdir() }),
      sent: 0,
      claimed: 0,
    }));
    const deadline = Date.now() + 60_000;
    const run = async (w: (typeof workers)[number]) => {
      while (Date.now() < deadline) {
        const r = await sendPendingEmails({ db: w.db, transport: w.transport, batchSize: 5, backoffMs: () => 0 });
        w.sent += r.sent;
        w.claimed += r.claimed;
        if (r.claimed === 0) {
          const open = await w.db.emailMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
          if (open === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    };
    try {
      await Promise.all(workers.map(run));
    } finally {
      for (const w of workers) {
        w.transport.close();
        await w.db.$disconnect();
      }
    }

    const counts = new Map<string, number>();
    for (const d of smtp.delivered) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
    expect(smtp.delivered).toHaveLength(50);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(workers[0]!.sent + workers[1]!.sent).toBe(50);
    expect(workers[0]!.sent).toBeGreaterThan(0);
    expect(workers[1]!.sent).toBeGreaterThan(0);

    const rows = await db.emailMessage.findMany({ include: { deliveryAttempts: true } });
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
    for (const r of rows) {
      expect(r.deliveryAttempts.filter((a) => a.ok)).toHaveLength(1);
      expect(r.deliveryAttempts.filter((a) => !a.ok)).toHaveLength(refusals(r.id));
    }
  });

  it("a mailing stores one body per language and sends each person exactly their own email", async () => {
    const people = [
      { name: "Amina O'Neil & <Sons>", language: "en" },
      { name: "Jean  \"Dupont\"", language: "fr" },
      { name: "Ana", language: "en" },
      { name: "Léa", language: "fr" },
      { name: "عائشة", language: "ar" },
    ];
    const inputs = people.map((p, i) => ({
      template: "invitation" as const,
      to: `mailing${i}@example.org`,
      language: p.language,
      props: {
        contactName: p.name,
        organisationName: `Organisation ${i}`,
        consultationTitle: "Guidance on victim assistance",
        roundTitle: "Round 1",
        // One person without a deadline: that paragraph is left out, so a body of its own.
        closesAtText: i === 2 ? "" : `${i + 1} December 2026, 17:00 (Vienna time)`,
        link: `https://consult.test/invitations/token-${i}`,
        language: p.language,
      },
    }));
    const bodiesBefore = await db.emailBody.count();
    await db.$transaction((tx) => queueEmails(tx, inputs));
    expect(await db.emailBody.count()).toBe(bodiesBefore + 4); // en, en without deadline, fr, ar

    while ((await sendPendingEmails({ db, transport, batchSize: 10 })).claimed > 0);
    expect(smtp.delivered).toHaveLength(people.length);
    for (const [i, input] of inputs.entries()) {
      const exact = await renderEmail("invitation", input.props);
      const mail = smtp.delivered.find((d) => d.to.includes(input.to))!;
      const parts = mimeParts(mail.raw);
      const lines = (text: string | undefined) => text?.replace(/\r\n/g, "\n").trim();
      expect(lines(parts["text/html"])).toBe(lines(exact.html));
      expect(lines(parts["text/plain"])).toBe(lines(exact.text));
      expect(parts["text/plain"]).toContain(`token-${i}`);
      expect(parts["text/plain"]).not.toContain("consult-fill");
    }
  });

  it("startMailWorker sends when woken, without waiting for the next poll", async () => {
    const worker = startMailWorker({ intervalMs: 60_000, db, transport });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the first poll finds nothing
      const id = await queueSignIn(9);
      worker.wake();
      const until = Date.now() + 5000;
      while (smtp.delivered.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(smtp.delivered.map((d) => d.id)).toEqual([id]);
    } finally {
      await worker.stop();
    }
    expect((await db.emailMessage.findFirstOrThrow()).status).toBe("SENT");
  });
});

describe("templates", () => {
  const arabic = /[\u0600-\u06FF]/;

  it("render in Arabic, right to left, in both parts", async () => {
    const results = [
      await renderEmail("sign-in", signInProps(1, "ar")),
      await renderEmail("invitation", {
        contactName: "أمينة",
        organisationName: "شبكة الناجين",
        consultationTitle: "خطة العمل الوطنية",
        roundTitle: "الجولة الأولى",
        closesAtText: "30 يونيو 2026",
        link: "https://consult.test/invitations/abc",
        language: "ar",
      }),
      await renderEmail("submission-receipt", {
        contactName: "أمينة",
        organisationName: "شبكة الناجين",
        roundTitle: "الجولة الأولى",
        submittedAtText: "12 يونيو 2026",
        answers: [
          { section: "جمع البيانات", question: "هل توافق؟", answer: "نعم\nمع تعديل" },
          { section: "جمع البيانات", question: "ملاحظات", answer: "" },
        ],
        link: "https://consult.test/respond/abc/review",
        language: "ar",
      }),
    ];
    for (const r of results) {
      expect(r.html).toMatch(/<html[^>]*dir="rtl"/);
      expect(r.html).toMatch(/<html[^>]*lang="ar"/);
      expect(r.subject).toMatch(arabic);
      expect(r.text).toMatch(arabic);
      expect(r.html).not.toMatch(/<img/i);
    }
    expect(results[0]!.text).toContain("10000001");
    expect(results[2]!.text).toContain("(لا توجد إجابة)");
    expect(results[2]!.text).toMatch(/نعم\s*\n\s*مع تعديل/);
  });

  it("render in every language, with the address visible under the button", async () => {
    for (const language of ["en", "fr", "es", "ar"]) {
      const r = await renderEmail("invitation", {
        contactName: "Amina",
        organisationName: "Survivor Network",
        consultationTitle: "Action plan",
        roundTitle: "Round 1",
        closesAtText: "30 June 2026",
        link: "https://consult.test/invitations/abc",
        language,
      });
      expect(r.html).toMatch(new RegExp(`<html[^>]*lang="${language}"`));
      expect(r.html).toMatch(new RegExp(`<html[^>]*dir="${language === "ar" ? "rtl" : "ltr"}"`));
      expect(r.html).toContain(">https://consult.test/invitations/abc</a>");
      expect(r.text).toContain("https://consult.test/invitations/abc");
      expect(r.text).toContain("Survivor Network");
      expect(r.subject).toContain("Action plan");
    }
    const fr = await renderEmail("sign-in", signInProps(1, "fr"));
    expect(fr.subject).toBe("Votre lien de connexion à Consult");
    const unknown = await renderEmail("sign-in", signInProps(1, "de"));
    expect(unknown.html).toMatch(/<html[^>]*lang="en"/);
  });
});

describe("without SMTP_URL", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "consult-mail-"));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("writes each message as an .eml file with a sidecar, listed by the local mailbox", async () => {
    const local = createMailTransport({ smtpUrl: undefined, from: FROM, dataDir });
    expect(local.kind).toBe("local");
    const id = await queueSignIn(11, "amina@example.org");
    expect(await sendPendingEmails({ db, transport: local })).toMatchObject({ sent: 1 });
    local.close();

    const files = (await fs.readdir(path.join(dataDir, "mail"))).sort();
    expect(files).toHaveLength(2);
    const eml = files.find((f) => f.endsWith(".eml"))!;
    expect(eml).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z-${id}\\.eml$`));
    const raw = await fs.readFile(path.join(dataDir, "mail", eml), "utf8");
    expect(raw).toMatch(new RegExp(`^X-Consult-Message-Id: ${id}\r$`, "mi")); // header names are case-insensitive
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(mimeParts(raw)["text/plain"]).toContain("10000011");

    const list = await listLocalMailbox({ dataDir });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ emailMessageId: id, to: "amina@example.org", subject: "Your Consult sign-in link" });
    expect(Number.isNaN(Date.parse(list[0]!.date))).toBe(false);

    const message = await readLocalMessage(list[0]!.id, { dataDir });
    expect(message?.text).toContain("10000011");
    expect(message?.html).toContain('lang="en"');
    expect(await readLocalMessage("../../etc/passwd", { dataDir })).toBeNull();
    expect(await readLocalMessage("nope", { dataDir })).toBeNull();

    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.providerMessageId).toBe(`local:${list[0]!.id}`);
  });

  it("lists nothing when no mail has been written", async () => {
    expect(await listLocalMailbox({ dataDir: path.join(dataDir, "empty") })).toEqual([]);
  });
});
