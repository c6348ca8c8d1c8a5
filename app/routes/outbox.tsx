/**
 * The outbox: every email the platform has queued, by status, for administrators (all) and
 * coordinators (those about their consultations). Failed messages show their last error, in
 * plain words where we can tell what it means, and can be put back in the queue one by one or
 * all at once (those the current filter shows).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterForm, SearchFilter, SelectFilter } from "~/components/filter-form";
import type { EmailStatus } from "~/generated/prisma/client";
import { forbidden } from "~/modules/auth/authorization.server";
import { requireUser } from "~/modules/auth/session.server";
import { explainMailError, listOutbox, outboxScope, retryAllFromOutbox, retryFromOutbox, type OutboxFilter } from "~/modules/mail/outbox-view.server";
import { db } from "~/modules/db/client.server";
import { formatShortDateTime } from "~/modules/round/dates";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Outbox – Consult" }];

const STATUS_LABELS: Record<EmailStatus, string> = { PENDING: "Waiting", SENDING: "Sending", SENT: "Sent", FAILED: "Failed" };
const OUTBOX_STATUSES = Object.keys(STATUS_LABELS) as EmailStatus[];
const BADGE: Record<EmailStatus, string> = { PENDING: "queued", SENDING: "queued", SENT: "delivered", FAILED: "failed" };

async function requireOutbox(request: Request) {
  const user = await requireUser(request);
  const scope = await outboxScope(user);
  if (!scope) forbidden("The outbox is for administrators and coordinators.");
  return { user, scope };
}

/** The page's filter, from its query string or from the hidden fields of its forms. */
function readFilter(get: (name: string) => unknown): OutboxFilter {
  const text = (name: string) => {
    const value = get(name);
    return typeof value === "string" && value ? value : null;
  };
  const status = text("status");
  return {
    status: OUTBOX_STATUSES.includes(status as EmailStatus) ? (status as EmailStatus) : null,
    template: text("template"),
    to: text("to"),
    page: Number(text("page")) || 1,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireOutbox(request);
  const url = new URL(request.url);
  const filter = readFilter((name) => url.searchParams.get(name));
  const outbox = await listOutbox(scope, filter);
  const zone = (await db().user.findUnique({ where: { id: user.id }, select: { timeZone: true } }))?.timeZone ?? "UTC";
  return {
    everything: user.isAdmin,
    filter: { status: filter.status ?? "", template: filter.template ?? "", to: filter.to ?? "" },
    counts: outbox.counts,
    templates: outbox.templates,
    total: outbox.total,
    failedShown: outbox.failed,
    page: outbox.page,
    pages: outbox.pages,
    timeZone: zone,
    messages: outbox.messages.map((m) => ({
      id: m.id,
      template: m.template,
      to: m.toAddress,
      subject: m.subject,
      status: m.status,
      attempts: m._count.deliveryAttempts,
      lastError: m.lastError,
      explanation: explainMailError(m.lastError),
      created: formatShortDateTime(m.createdAt, zone),
      sent: m.sentAt ? formatShortDateTime(m.sentAt, zone) : null,
      nextAttempt: m.status === "PENDING" && m.attempts > 0 ? formatShortDateTime(m.nextAttemptAt, zone) : null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requireOutbox(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const filter = readFilter((name) => form.get(name));
  let retried: number;
  if (intent === "retry") {
    retried = (await retryFromOutbox(user, scope, String(form.get("id") ?? ""))) ? 1 : 0;
    if (!retried) return data({ error: "That message is not waiting for a retry (it may have been retried already)." }, { status: 409 });
  } else if (intent === "retry-all") {
    retried = await retryAllFromOutbox(user, scope, filter);
    if (!retried) return data({ error: "No failed message is waiting for a retry here (they may have been retried already)." }, { status: 409 });
  } else {
    return data({ error: "Unknown action." }, { status: 400 });
  }
  context.wakeMailWorker();
  const back = new URL(request.url);
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.template) query.set("template", filter.template);
  if (filter.to) query.set("to", filter.to);
  query.set("retried", String(retried));
  return redirect(`${back.pathname}?${query}`);
}

/** The page's filter, carried by its forms so the page comes back as it was. */
function FilterFields({ filter }: { filter: { status: string; template: string; to: string } }) {
  return (
    <>
      {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
      {filter.template ? <input type="hidden" name="template" value={filter.template} /> : null}
      {filter.to ? <input type="hidden" name="to" value={filter.to} /> : null}
    </>
  );
}

export default function Outbox() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const pageLink = (page: number) => {
    const q = new URLSearchParams(search);
    q.delete("retried");
    q.set("page", String(page));
    return `?${q}`;
  };
  return (
    <>
      <h1>Outbox</h1>
      <p className="lead prose">
        {d.everything
          ? "Every email the platform has queued."
          : "The emails to the contacts invited to the rounds you coordinate."}{" "}
        Messages are retried by themselves for a while; a failed one waits for you.
      </p>
      {search.get("retried") ? (
        <div className="notice notice--success" role="status">
          <p>
            {search.get("retried") === "1"
              ? "The message is back in the queue and will be sent again shortly."
              : `${search.get("retried")} messages are back in the queue and will be sent again shortly.`}
          </p>
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      <ul className="stats" aria-label="Messages by status">
        {OUTBOX_STATUSES.map((s) => (
          <li key={s}>
            <strong>{d.counts[s]}</strong> {STATUS_LABELS[s]}
          </li>
        ))}
      </ul>
      <FilterForm label="Filter the messages" submit="Filter">
        <SelectFilter name="status" label="Status" any="All" value={d.filter.status} options={OUTBOX_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <SelectFilter name="template" label="Kind" any="All" value={d.filter.template} options={d.templates.map((t) => ({ value: t, label: t }))} />
        <SearchFilter name="to" label="Recipient contains" value={d.filter.to} />
      </FilterForm>
      {d.failedShown > 0 ? (
        <Form method="post" className="button-row">
          <FilterFields filter={d.filter} />
          <button className="button" type="submit" name="intent" value="retry-all">
            Retry all failed messages ({d.failedShown}){d.filter.template || d.filter.to ? " that match the filter" : ""}
          </button>
        </Form>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>
            Messages ({d.total}){d.pages > 1 ? `, page ${d.page} of ${d.pages}` : ""}
            <span className="caption-note">Times in {d.timeZone}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.messages.map((m) => (
              <tr key={m.id}>
                <td>{m.created}</td>
                <td className="outbox-address">{m.to}</td>
                <td>
                  {m.subject}
                  <span className="muted outbox-kind">{m.template}</span>
                </td>
                <td>
                  <span className={`badge badge--${BADGE[m.status]}`}>{STATUS_LABELS[m.status]}</span>
                  {m.sent ? <span className="muted outbox-kind">{m.sent}</span> : null}
                  {m.nextAttempt ? <span className="muted outbox-kind">next try {m.nextAttempt}</span> : null}
                  {m.explanation ? <span className="outbox-error">{m.explanation}</span> : null}
                  {m.lastError ? <span className={m.explanation ? "muted outbox-detail" : "outbox-error"}>{m.explanation ? `Detail: ${m.lastError}` : m.lastError}</span> : null}
                </td>
                <td className="num">{m.attempts}</td>
                <td>
                  {m.status === "FAILED" ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <FilterFields filter={d.filter} />
                      <button className="button button--secondary button--small" type="submit" name="intent" value="retry">
                        Retry<span className="visually-hidden"> the message to {m.to}</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.pages > 1 ? (
        <nav className="button-row" aria-label="Pages">
          {d.page > 1 ? <Link to={pageLink(d.page - 1)}>Newer messages</Link> : null}
          {d.page < d.pages ? <Link to={pageLink(d.page + 1)}>Older messages</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
