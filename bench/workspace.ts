/**
 * The coordinator workspace's performance targets, measured on the bench database by
 * bench/run.ts (`npm run bench`, or `npm run bench -- --only workspace` for these alone):
 *   (a) inviting 500 organisations × 3 contacts to an open round with the real
 *       inviteOrganisations (which queues each contact's invitation email): under 2 s;
 *   (b) the real outbox worker (sendPendingEmails, SMTP transport) draining those 1,500
 *       messages to a local SMTP server (smtp-server on 127.0.0.1): at least 50 messages/s;
 *   (c) the round's tracking page (consultations.$consultationId.rounds.$roundId._index: one
 *       row per invited organisation) on the production server, one connection at a time so
 *       the latency is the page's own, not a queue's: under 150 ms p95. autocannon reports
 *       p97.5 and p99 only, so every response time is collected and p95 computed here.
 * (a) and (b) run before the server starts, so its own mail worker cannot take the messages.
 * The generated data is recognisable ("Bench org NNN", bench-NNN-N@bench.consult.test, the
 * "bench-workspace" consultation): organisations and people are reused, the round is made anew.
 */
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { SMTPServer } from "smtp-server";
import type { Db } from "../app/modules/db/client.server";
import { percentile } from "./latency";

const ORGANISATIONS = 500;
const CONTACTS = 3;
const SLUG = "bench-workspace";
const ADDRESS_DOMAIN = "bench.consult.test";
const TARGETS = { inviteSeconds: 2, messagesPerSecond: 50, trackingP95Ms: 150 };

export type WorkspaceSetup = {
  consultationId: string;
  roundId: string;
  invite: {
    organisations: number;
    contacts: number;
    seconds: number;
    emailsQueued: number;
  };
  worker: { messages: number; seconds: number; messagesPerSecond: number };
};

export type TrackingMeasurement = {
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  non2xx: number;
};

const pad = (n: number) => String(n).padStart(3, "0");

/**
 * The bench consultation with a fresh open round, and 500 organisations with 3 contacts each
 * (created once, in bulk). Earlier bench rounds and their outbox messages are removed first.
 */
async function prepareAudience(db: Db) {
  const coordinator = await db.user.findUniqueOrThrow({
    where: { email: "coordinator@consult.localhost" },
  });
  const type = await db.stakeholderType.findFirstOrThrow({
    orderBy: { position: "asc" },
  });
  const consultation = await db.consultation.upsert({
    where: { slug: SLUG },
    create: {
      slug: SLUG,
      title: "Bench: coordinator workspace",
      members: { create: { userId: coordinator.id, role: "COORDINATOR" } },
    },
    update: {},
  });
  const version = await db.documentVersion.upsert({
    where: {
      consultationId_number: { consultationId: consultation.id, number: 1 },
    },
    create: {
      consultationId: consultation.id,
      number: 1,
      title: "Bench draft",
      lockedAt: new Date(),
    },
    update: {},
  });
  await db.emailMessage.deleteMany({
    where: { toAddress: { endsWith: `@${ADDRESS_DOMAIN}` } },
  });
  await db.round.deleteMany({ where: { consultationId: consultation.id } });
  await db.auditEvent.deleteMany({
    where: { consultationId: consultation.id },
  });

  const names = Array.from({ length: ORGANISATIONS }, (_, i) => `Bench org ${pad(i + 1)}`);
  const emails = names.flatMap((_, i) => Array.from({ length: CONTACTS }, (_, c) => `bench-${pad(i + 1)}-${c + 1}@${ADDRESS_DOMAIN}`));
  await db.organisation.createMany({
    data: names.map((name) => ({ name, typeId: type.id, country: "AT" })),
    skipDuplicates: true,
  });
  await db.user.createMany({
    data: emails.map((email) => ({ email, name: email.split("@")[0]! })),
    skipDuplicates: true,
  });
  const organisations = await db.organisation.findMany({
    where: { name: { in: names } },
    select: { id: true, name: true },
  });
  const users = new Map(
    (
      await db.user.findMany({
        where: { email: { in: emails } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  );
  await db.contact.createMany({
    data: organisations.flatMap((o) => {
      const n = o.name.slice("Bench org ".length);
      return Array.from({ length: CONTACTS }, (_, c) => ({
        organisationId: o.id,
        userId: users.get(`bench-${n}-${c + 1}@${ADDRESS_DOMAIN}`)!,
        role: c === 0 ? ("SUBMITTER" as const) : ("CONTRIBUTOR" as const),
      }));
    }),
    skipDuplicates: true,
  });

  const now = Date.now();
  const round = await db.round.create({
    data: {
      consultationId: consultation.id,
      versionId: version.id,
      number: 1,
      title: "Bench round",
      status: "OPEN",
      opensAt: new Date(now - 60_000),
      openedAt: new Date(now - 60_000),
      closesAt: new Date(now + 30 * 86_400_000),
    },
  });
  return {
    coordinatorId: coordinator.id,
    consultationId: consultation.id,
    roundId: round.id,
    organisationIds: organisations.map((o) => o.id),
  };
}

/** An SMTP server that accepts everything and counts it (plain SMTP, no STARTTLS or AUTH). */
async function startCountingSmtpServer() {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
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
    received: () => received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * (a) and (b). The app modules read DATABASE_URL, APP_URL and DATA_DIR from the environment
 * (db(), env()), so they are set before the modules are loaded.
 */
export async function prepareWorkspaceBench(options: { databaseUrl: string; appUrl: string; dataDir: string; secret: string }): Promise<WorkspaceSetup> {
  Object.assign(process.env, {
    DATABASE_URL: options.databaseUrl,
    APP_URL: options.appUrl,
    DATA_DIR: options.dataDir,
    SESSION_SECRET: options.secret,
    SMTP_URL: "",
  });
  const { db, disconnectDb } = await import("../app/modules/db/client.server");
  const { inviteOrganisations } = await import("../app/modules/invitation/invitations.server");
  const { sendPendingEmails } = await import("../app/modules/mail/worker.server");
  const { createMailTransport } = await import("../app/modules/mail/transport.server");
  const smtp = await startCountingSmtpServer();
  try {
    const audience = await prepareAudience(db());

    const inviteStart = performance.now();
    const invited = await inviteOrganisations(audience.coordinatorId, audience.roundId, { audienceTypes: [], organisationIds: audience.organisationIds });
    const inviteSeconds = (performance.now() - inviteStart) / 1000;
    if (!invited.ok) throw new Error(`inviteOrganisations refused: ${JSON.stringify(invited.errors)}`);

    const transport = createMailTransport({
      smtpUrl: smtp.url,
      from: "Consult bench <no-reply@consult.localhost>",
      dataDir: options.dataDir,
    });
    const workerStart = performance.now();
    let sent = 0;
    for (;;) {
      const r = await sendPendingEmails({ db: db(), transport, batchSize: 50 });
      sent += r.sent;
      if (r.claimed === 0) break;
    }
    const workerSeconds = (performance.now() - workerStart) / 1000;
    transport.close();
    if (smtp.received() !== sent) throw new Error(`The SMTP server received ${smtp.received()} messages, the worker recorded ${sent} as sent`);

    return {
      consultationId: audience.consultationId,
      roundId: audience.roundId,
      invite: {
        organisations: invited.invited,
        contacts: invited.links,
        seconds: inviteSeconds,
        emailsQueued: invited.emails,
      },
      worker: {
        messages: sent,
        seconds: workerSeconds,
        messagesPerSecond: sent / workerSeconds,
      },
    };
  } finally {
    await smtp.close();
    await disconnectDb();
  }
}

/** (c): autocannon on the running server, every response time kept for the percentiles. */
export async function measureTrackingPage(options: { appUrl: string; setup: WorkspaceSetup; cookie: string; seconds: number }): Promise<TrackingMeasurement> {
  const path = `/consultations/${options.setup.consultationId}/rounds/${options.setup.roundId}`;
  const url = options.appUrl + path;
  const check = await fetch(url, {
    headers: { cookie: options.cookie },
    redirect: "manual",
  });
  const html = await check.text();
  if (check.status !== 200) throw new Error(`The tracking page answered ${check.status}, not 200`);
  const rows = html.match(/Bench org \d{3}/g)?.length ?? 0;
  if (rows < ORGANISATIONS) throw new Error(`The tracking page shows ${rows} bench organisations, not ${ORGANISATIONS}`);

  const run = (duration: number, latencies?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url, connections: 1, duration, headers: { cookie: options.cookie } }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
      if (latencies) instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
    });
  await run(2); // warm-up
  const latencies: number[] = [];
  const result = await run(options.seconds, latencies);
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    path,
    connections: 1,
    seconds: options.seconds,
    requests: latencies.length,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: ms(percentile(latencies, 50)),
      p95: ms(percentile(latencies, 95)),
      p99: ms(percentile(latencies, 99)),
      max: ms(latencies.at(-1) ?? NaN),
    },
    non2xx: result.non2xx,
  };
}

/** The three numbers against their targets, as printed and as stored in latest.json. */
export function workspaceSummary(setup: WorkspaceSetup, tracking: TrackingMeasurement) {
  const rows = [
    {
      measure: `invite ${setup.invite.organisations} organisations (${setup.invite.contacts} links, ${setup.invite.emailsQueued} emails queued)`,
      result: `${setup.invite.seconds.toFixed(2)} s`,
      target: `< ${TARGETS.inviteSeconds} s`,
      met: setup.invite.seconds < TARGETS.inviteSeconds,
    },
    {
      measure: `outbox worker to local SMTP (${setup.worker.messages} messages in ${setup.worker.seconds.toFixed(2)} s)`,
      result: `${setup.worker.messagesPerSecond.toFixed(0)} msg/s`,
      target: `≥ ${TARGETS.messagesPerSecond} msg/s`,
      met: setup.worker.messagesPerSecond >= TARGETS.messagesPerSecond,
    },
    {
      measure: `tracking page, ${ORGANISATIONS} organisations (${tracking.requests} requests, 1 connection, ${tracking.requestsPerSecond.toFixed(1)} req/s, p50 ${tracking.latencyMs.p50} / p99 ${tracking.latencyMs.p99} ms)`,
      result: `p95 ${tracking.latencyMs.p95} ms`,
      target: `p95 < ${TARGETS.trackingP95Ms} ms`,
      met: tracking.latencyMs.p95 < TARGETS.trackingP95Ms && tracking.non2xx === 0,
    },
  ];
  return { targets: TARGETS, setup, tracking, rows };
}
