/**
 * The outbox. Code that causes an email calls queueEmail inside its own transaction: the
 * message is rendered and stored with the change, so it is sent if and only if the change
 * commits. Nothing here talks to a mail server; the worker (worker.server.ts) does that.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/modules/db/client.server";
import { renderEmail, type EmailTemplateName, type EmailTemplates } from "./render.server";

type Tx = Db | Prisma.TransactionClient;

export type QueueEmailInput<T extends EmailTemplateName = EmailTemplateName> = {
  template: T;
  to: string;
  language: string;
  props: EmailTemplates[T];
  /** Ties an invitation email to the personal link it carries. */
  invitationLinkId?: string | null;
  /** Not before this time (default: now). */
  sendAfter?: Date;
};

/** One address, no display name, no line breaks: anything else is a programming error. */
function checkAddress(to: string) {
  const address = to.trim();
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(address)) throw new Error(`queueEmail: not a single email address: ${JSON.stringify(to)}`);
  return address;
}

async function messageRow<T extends EmailTemplateName>(input: QueueEmailInput<T>) {
  const toAddress = checkAddress(input.to);
  const rendered = await renderEmail(input.template, input.props);
  return {
    template: input.template,
    toAddress,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    language: input.language,
    invitationLinkId: input.invitationLinkId ?? null,
    // Set here rather than by the column default: the worker compares it with the app's clock.
    nextAttemptAt: input.sendAfter ?? new Date(),
  };
}

/** Renders and stores the message in the caller's transaction; returns the EmailMessage id. */
export async function queueEmail<T extends EmailTemplateName>(tx: Tx, input: QueueEmailInput<T>): Promise<string> {
  const row = await tx.emailMessage.create({ data: await messageRow(input), select: { id: true } });
  return row.id;
}

/**
 * queueEmail for many messages at once, for mailings to a whole audience. One INSERT from
 * arrays: Prisma's createMany spends seconds on 1,500 rendered messages, the driver milliseconds.
 * Returns how many were queued.
 */
export async function queueEmails(tx: Tx, inputs: QueueEmailInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows: Awaited<ReturnType<typeof messageRow>>[] = [];
  for (const input of inputs) rows.push(await messageRow(input));
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  return tx.$executeRaw`
    INSERT INTO "EmailMessage" ("id", "template", "toAddress", "subject", "html", "text", "language", "invitationLinkId", "nextAttemptAt")
    SELECT * FROM unnest(
      ${rows.map(() => randomUUID())}::text[], ${column("template")}::text[], ${column("toAddress")}::text[],
      ${column("subject")}::text[], ${column("html")}::text[], ${column("text")}::text[], ${column("language")}::text[],
      ${column("invitationLinkId")}::text[], ${column("nextAttemptAt")}::timestamp(3)[]
    )`;
}
