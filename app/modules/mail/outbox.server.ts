/**
 * The outbox. Code that causes an email calls queueEmail inside its own transaction: the
 * message is rendered and stored with the change, so it is sent if and only if the change
 * commits. Nothing here talks to a mail server; the worker (worker.server.ts) does that.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/modules/db/client.server";
import { fillBody, renderEmail, renderMessages, type EmailBodyContent, type EmailTemplateName, type EmailTemplates, type RenderedMessage } from "./render.server";

type Tx = Db | Prisma.TransactionClient;

export type QueueEmailInput<T extends EmailTemplateName = EmailTemplateName> = {
  template: T;
  to: string;
  language: string;
  props: EmailTemplates[T];
  /** Ties an invitation email to the personal link it carries. */
  invitationLinkId?: string | null;
  /** The consultation it is about: its coordinators see it in the outbox (those with a link are seen through it). */
  consultationId?: string | null;
  /** Not before this time (default: now). */
  sendAfter?: Date;
};

/** One address, no display name, no line breaks: anything else is a programming error. */
function checkAddress(to: string) {
  const address = to.trim();
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(address)) throw new Error(`queueEmail: not a single email address: ${JSON.stringify(to)}`);
  return address;
}

function messageRow<T extends EmailTemplateName>(input: QueueEmailInput<T>, rendered: RenderedMessage) {
  return {
    template: input.template,
    toAddress: checkAddress(input.to),
    subject: rendered.subject,
    fills: rendered.fills,
    language: input.language,
    invitationLinkId: input.invitationLinkId ?? null,
    consultationId: input.consultationId ?? null,
    // Set here rather than by the column default: the worker compares it with the app's clock.
    nextAttemptAt: input.sendAfter ?? new Date(),
  };
}

/** Renders and stores the message in the caller's transaction; returns the EmailMessage id. */
export async function queueEmail<T extends EmailTemplateName>(tx: Tx, input: QueueEmailInput<T>): Promise<string> {
  const { subject, html, text } = await renderEmail(input.template, input.props);
  const body = await tx.emailBody.create({ data: { html, text }, select: { id: true } });
  const row = await tx.emailMessage.create({
    data: { ...messageRow(input, { subject, body: { html, text }, fills: [] }), bodyId: body.id },
    select: { id: true },
  });
  return row.id;
}

/**
 * queueEmail for a mailing to a whole audience: each language's body is stored once
 * (renderMessages) and the messages, with their fills, in one INSERT from arrays (Prisma's
 * createMany spends seconds on 1,500 messages, the driver milliseconds). Returns how many.
 */
export async function queueEmails(tx: Tx, inputs: QueueEmailInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const bodies = new Map<EmailBodyContent, string>();
  const rows: Array<ReturnType<typeof messageRow> & { bodyId: string }> = [];
  for (const template of new Set(inputs.map((input) => input.template))) {
    const group = inputs.filter((input) => input.template === template);
    const rendered = renderMessages(template, group.map((input) => input.props));
    group.forEach((input, i) => {
      const message = rendered[i]!;
      if (!bodies.has(message.body)) bodies.set(message.body, randomUUID());
      rows.push({ ...messageRow(input, message), bodyId: bodies.get(message.body)! });
    });
  }
  await tx.$executeRaw`
    INSERT INTO "EmailBody" ("id", "html", "text")
    SELECT * FROM unnest(${[...bodies.values()]}::text[], ${[...bodies.keys()].map((b) => b.html)}::text[], ${[...bodies.keys()].map((b) => b.text)}::text[])`;
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  return tx.$executeRaw`
    INSERT INTO "EmailMessage" ("id", "template", "toAddress", "subject", "bodyId", "fills", "language", "invitationLinkId", "consultationId", "nextAttemptAt")
    SELECT m.id, m.template, m.to_address, m.subject, m.body_id, ARRAY(SELECT jsonb_array_elements_text(m.fills::jsonb)), m.language, m.link_id, m.consultation_id, m.next_attempt_at
    FROM unnest(
      ${rows.map(() => randomUUID())}::text[], ${column("template")}::text[], ${column("toAddress")}::text[],
      ${column("subject")}::text[], ${column("bodyId")}::text[], ${rows.map((r) => JSON.stringify(r.fills))}::text[], ${column("language")}::text[],
      ${column("invitationLinkId")}::text[], ${column("consultationId")}::text[], ${column("nextAttemptAt")}::timestamp(3)[]
    ) AS m(id, template, to_address, subject, body_id, fills, language, link_id, consultation_id, next_attempt_at)`;
}

/** Messages as they are sent: each with its body's HTML and text, its fills pasted in. */
export async function readOutbox(tx: Tx, args: Pick<Prisma.EmailMessageFindManyArgs, "where" | "orderBy" | "take">) {
  const rows = await tx.emailMessage.findMany({ ...args, include: { body: { select: { html: true, text: true } } } });
  return rows.map(({ body, ...message }) => ({ ...message, ...fillBody(body, message.fills) }));
}
