import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "~/modules/auth/authorization.server";
import { localMailboxEnabled } from "~/modules/config/env.server";
import { readLocalMessage } from "~/modules/mail/transport.server";

export const meta: MetaFunction = () => [{ title: "Message – Local mailbox – Consult" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  if (!localMailboxEnabled()) notFound();
  const message = await readLocalMessage(params.messageId ?? "");
  if (!message) notFound("No such message.");
  return { to: message.to, subject: message.subject, date: message.date, text: message.text };
}

/** The plain-text part, with its links made clickable (the HTML part is not rendered here: CSP). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function MailMessage() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev/mail">Back to the mailbox</Link>
      </p>
      <h1>{m.subject}</h1>
      <dl className="summary">
        <dt>To</dt>
        <dd>{m.to}</dd>
        <dt>Sent</dt>
        <dd>{new Date(m.date).toUTCString()}</dd>
      </dl>
      <pre className="mail">
        <Linked text={m.text} />
      </pre>
    </>
  );
}
