/** The local mailbox: where sign-in and invitation emails land when no SMTP_URL is set. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "~/modules/auth/authorization.server";
import { localMailboxEnabled } from "~/modules/config/env.server";
import { listLocalMailbox } from "~/modules/mail/transport.server";

export const meta: MetaFunction = () => [{ title: "Local mailbox – Consult" }, { name: "robots", content: "noindex" }];

export async function loader(_args: LoaderFunctionArgs) {
  if (!localMailboxEnabled()) notFound();
  const messages = await listLocalMailbox();
  return { messages: messages.slice(0, 100).map((m) => ({ id: m.id, to: m.to, subject: m.subject, date: m.date })) };
}

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Local mailbox</h1>
      <p className="lead prose">
        No SMTP server is configured (SMTP_URL), so email is written to <code>data/mail</code> and listed here. This page
        exists only on a local installation.
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{new Date(m.date).toISOString().replace("T", " ").slice(0, 19)} UTC</td>
                <td>{m.to}</td>
                <td>
                  <Link to={m.id}>{m.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
