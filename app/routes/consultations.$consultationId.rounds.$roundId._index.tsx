/**
 * Who has answered a round: response rates by type of stakeholder, and one row per invited
 * organisation (email delivered or failed, link opened, draft started, submitted), filtered
 * by type and state with a GET form; reminders to the ticked organisations by POST.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StackedBarChart } from "~/components/charts/stacked-bar-chart";
import { FilterForm, SelectFilter } from "~/components/filter-form";
import { ErrorSummary } from "~/components/forms";
import { RoundNav, StatusBadge } from "~/components/round/round-nav";
import { validateForm } from "~/modules/forms/validation";
import { sendReminders, type SkipReason } from "~/modules/invitation/reminders.server";
import { responseRates, type RateRow } from "~/modules/round/response-rates.server";
import { requireRoundAccess, requireRoundManager } from "~/modules/round/round-access.server";
import { roundTracking, type TrackingFilter, type TrackingState } from "~/modules/round/tracking.server";
import { formatDateTime, formatShortDateTime } from "~/modules/round/dates";
import { explainMailError } from "~/modules/mail/outbox-view.server";
import { ReminderSelectionSchema } from "~/modules/round/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Round"} – Consult` }];

const STATE_LABELS: Record<TrackingState, string> = {
  invited: "Not opened yet",
  opened: "Opened the link",
  drafting: "Drafting",
  submitted: "Submitted",
  withdrawn: "Withdrawn",
};

const TRACKING_STATES = Object.keys(STATE_LABELS) as TrackingState[];

const EMAIL_LABELS = { delivered: "Delivered", failed: "Failed", queued: "Queued" } as const;

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function filterFrom(url: URL): TrackingFilter {
  const type = url.searchParams.get("type");
  const state = url.searchParams.get("state");
  return {
    type: type || null,
    state: state === "not-submitted" || state === "email-failed" || TRACKING_STATES.includes(state as TrackingState) ? (state as TrackingFilter["state"]) : null,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const filter = filterFrom(new URL(request.url));
  // Analysts see rates by type, never the organisations' rows (decisions 009 and 015).
  const organisationsHidden = role === "ANALYST";
  const [tracking, rates] = await Promise.all([organisationsHidden ? null : roundTracking(round.id, filter), responseRates(round.id)]);
  // Analysts' counts come from the rates by type: no organisation's row is read for them.
  const { rows, counts, emailFailed, totalInType } = tracking ?? {
    rows: [],
    counts: { invited: rates.overall.invitedOnly, opened: rates.overall.opened, drafting: rates.overall.drafting, submitted: rates.overall.submitted, withdrawn: rates.overall.withdrawn },
    emailFailed: 0,
    totalInType: rates.overall.invited,
  };
  const zone = round.timeZone;
  const canEdit = role !== "ANALYST" && !round.consultation.archivedAt;
  const when = (d: Date | null) => (d ? formatDateTime(d, zone) : null);
  const short = (d: Date | null) => (d ? formatShortDateTime(d, zone) : null);
  return {
    timeZone: zone,
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    title: round.title,
    status: round.status,
    opens: when(round.opensAt),
    closes: when(round.closesAt),
    canRemind: canEdit && (round.status === "OPEN" || round.status === "CLOSED"),
    canExtend: canEdit && (round.status === "OPEN" || round.status === "CLOSED"),
    maxReminders: round.maxReminders,
    filter: { type: filter.type ?? "", state: filter.state ?? "" },
    counts,
    emailFailed,
    total: totalInType,
    rates,
    organisationsHidden,
    rows: rows.map((r) => ({
      invitationId: r.invitationId,
      organisation: r.organisation,
      // Coordinators open an organisation's response from here.
      responseHref: r.state !== "invited" && r.state !== "opened" ? `responses/${r.organisationId}` : null,
      typeLabel: r.typeLabel,
      country: r.country ? (regionNames.of(r.country) ?? r.country) : null,
      state: r.state,
      email: r.email
        ? { state: r.email.state, failedContacts: r.email.failedContacts, errors: r.email.errors.map((e) => explainMailError(e) ?? e).filter((e, i, all) => all.indexOf(e) === i) }
        : null,
      linkOpened: short(r.linkOpenedAt),
      draftStarted: short(r.draftStartedAt),
      submittedAt: short(r.submittedAt),
      deadline: r.extended ? short(r.deadline) : null,
      reminders: r.remindersSent,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round, user } = await requireRoundManager(request, params.consultationId!, params.roundId!);
  const form = await readForm(request);
  if (form.get("intent") !== "remind") return data({ errors: { form: "Unknown action." } }, { status: 400 });
  const result = validateForm(form, ReminderSelectionSchema);
  if (!result.ok) return data({ errors: { form: result.errors.invitationIds ?? "Choose at least one organisation to remind" } }, { status: 400 });
  const sent = await sendReminders(user.id, round.id, result.data.invitationIds);
  if (!sent.ok) return data({ errors: { form: sent.problem } }, { status: 409 });
  context.wakeMailWorker();
  // Back to the same filtered view, saying what happened.
  const query = new URLSearchParams();
  for (const key of ["type", "state"]) {
    const value = form.get(key);
    if (typeof value === "string" && value) query.set(key, value);
  }
  query.set("reminded", String(sent.outcome.reminded.length));
  for (const [reason, n] of Object.entries(countReasons(sent.outcome.skipped.map((s) => s.reason)))) query.set(`skipped-${reason}`, String(n));
  return redirect(`/consultations/${round.consultationId}/rounds/${round.id}?${query}`);
}

function countReasons(reasons: SkipReason[]) {
  const counts: Partial<Record<SkipReason, number>> = {};
  for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

function ReminderReport() {
  const [search] = useSearchParams();
  const reminded = search.get("reminded");
  if (reminded === null) return null;
  const skipped = (Object.keys(SKIP_TEXT) as SkipReason[])
    .map((reason) => ({ reason, n: Number(search.get(`skipped-${reason}`) ?? 0) }))
    .filter((s) => s.n > 0);
  return (
    <div className={`notice ${Number(reminded) > 0 ? "notice--success" : "notice--warning"}`} role="status">
      <p>
        Reminder sent to {reminded} organisation{reminded === "1" ? "" : "s"}.
      </p>
      {skipped.length > 0 ? (
        <ul>
          {skipped.map((s) => (
            <li key={s.reason}>
              Not reminded: {s.n} that {SKIP_TEXT[s.reason]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const SKIP_TEXT: Record<SkipReason, string> = {
  submitted: "had already submitted",
  limit: "had reached the most reminders this round allows",
  recent: "had been reminded less than an hour ago",
  "not-answering": "can no longer answer (their deadline has passed)",
  "no-contacts": "have no contact to write to",
};

export default function RoundPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hidden = (
    <>
      {d.filter.type ? <input type="hidden" name="type" value={d.filter.type} /> : null}
      {d.filter.state ? <input type="hidden" name="state" value={d.filter.state} /> : null}
    </>
  );
  const notSubmitted = d.rows.filter((r) => r.state !== "submitted");
  return (
    <>
      <h1>{d.title}</h1>
      <RoundNav base={d.base} title={d.title} />
      <p>
        <StatusBadge status={d.status} /> {d.opens ? `Opens ${d.opens}` : null}
        {d.closes ? ` · closes ${d.closes}` : null}
      </p>
      <h2>Who has answered</h2>
      <ReminderReport />
      <ErrorSummary errors={actionData?.errors} focusKey={actionData} />

      <ResponseRates rates={d.rates} linked={!d.organisationsHidden} />

      {d.organisationsHidden ? (
        <p className="notice" role="note">
          Which organisation is where is for the coordinators: analysts see the rates by type of stakeholder, so that
          no answer given without a name can be traced to its organisation (decisions 009 and 015).
        </p>
      ) : (
        <>
        <FilterForm label="Filter the organisations" submit="Filter">
          <SelectFilter name="type" label="Type of stakeholder" any="All types" value={d.filter.type} options={d.rates.byType.map((t) => ({ value: t.typeKey!, label: t.typeLabel }))} />
          <SelectFilter
            name="state"
            label="State"
            any="All states"
            value={d.filter.state}
            options={[
              { value: "not-submitted", label: "Not submitted yet" },
              ...TRACKING_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })),
              { value: "email-failed", label: "Email failed" },
            ]}
          />
        </FilterForm>

        <ul className="stats" aria-label="Responses by state">
          {TRACKING_STATES.map((s) => (
            <li key={s}>
              <strong>{d.counts[s]}</strong> {STATE_LABELS[s]}
            </li>
          ))}
          <li>
            <strong>{d.total}</strong> Invited in all
          </li>
          {d.emailFailed > 0 ? (
            <li>
              <strong>{d.emailFailed}</strong> Email failed for a contact
            </li>
          ) : null}
        </ul>

        <Form method="post" id="remind-form">
          {hidden}
          <div className="table-wrap" id="organisations">
            <table>
              <caption>
                Invited organisations ({d.rows.length}
                {d.rows.length !== d.total ? ` of ${d.total}` : ""})<span className="caption-note">Times in {d.timeZone}</span>
              </caption>
              <thead>
                <tr>
                  {d.canRemind ? (
                    <th scope="col">
                      <span className="visually-hidden">Select</span>
                    </th>
                  ) : null}
                  <th scope="col">Organisation</th>
                  <th scope="col">Type</th>
                  <th scope="col">Country</th>
                  <th scope="col">Email</th>
                  <th scope="col">Link opened</th>
                  <th scope="col">Draft started</th>
                  <th scope="col">State</th>
                  <th scope="col">Submitted</th>
                  <th scope="col" className="num">
                    Reminders
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.invitationId}>
                    {d.canRemind ? (
                      <td>
                        <input
                          className="row-check"
                          type="checkbox"
                          name="invitationIds"
                          value={r.invitationId}
                          id={`remind-${r.invitationId}`}
                          disabled={r.state === "submitted"}
                        />
                        <label className="visually-hidden" htmlFor={`remind-${r.invitationId}`}>
                          Select {r.organisation}
                        </label>
                      </td>
                    ) : null}
                    {/* Plain links in the 500-row table: router <Link>s made the page about 40% slower (bench p95 154 → 107 ms). */}
                    <td>{r.responseHref ? <a href={`${d.base}/${r.responseHref}`}>{r.organisation}</a> : r.organisation}</td>
                    <td>{r.typeLabel}</td>
                    <td>{r.country ?? "—"}</td>
                    <td>
                      {r.email ? <span className={`badge badge--${r.email.state}`}>{EMAIL_LABELS[r.email.state]}</span> : "—"}
                      {r.email && r.email.failedContacts > 0 ? (
                        <span className="tracking-email-failure">
                          Email failed for {r.email.failedContacts} contact{r.email.failedContacts === 1 ? "" : "s"}
                          {r.email.errors.length > 0 ? `: ${r.email.errors.join("; ")}` : ""}
                        </span>
                      ) : null}
                    </td>
                    <td>{r.linkOpened ?? "—"}</td>
                    <td>{r.draftStarted ?? "—"}</td>
                    <td>
                      <span className={`badge badge--${r.state}`}>{STATE_LABELS[r.state]}</span>
                      {r.deadline ? <span className="muted"> (extended to {r.deadline})</span> : null}
                      {d.canExtend && r.state !== "submitted" ? (
                        <>
                          {" "}
                          <a href={`${d.base}/invitations?extend=${r.invitationId}`}>
                            Extend<span className="visually-hidden"> the deadline for {r.organisation}</span>
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td>{r.submittedAt ?? "—"}</td>
                    <td className="num">
                      {r.reminders} / {d.maxReminders}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.canRemind ? (
            <div className="button-row">
              <button className="button" type="submit" name="intent" value="remind">
                Send reminder to selected
              </button>
            </div>
          ) : null}
        </Form>
        {d.canRemind && notSubmitted.length > 0 ? (
          <Form method="post">
            {hidden}
            {notSubmitted.map((r) => (
              <input key={r.invitationId} type="hidden" name="invitationIds" value={r.invitationId} />
            ))}
            <button className="button button--secondary" type="submit" name="intent" value="remind">
              Send reminder to all {notSubmitted.length} shown that have not submitted
            </button>
          </Form>
        ) : null}
        <p className="muted">
          Reminders go only to organisations that have not submitted, at most {d.maxReminders} each, and not twice within an hour.
        </p>
        </>
      )}
    </>
  );
}

/** States in the order of progress, as segments of the response-rate bars. */
const RATE_STATES = [
  { key: "submitted", label: "Submitted" },
  { key: "drafting", label: "Drafting" },
  { key: "opened", label: "Opened the link" },
  { key: "invitedOnly", label: "Not opened yet" },
  { key: "withdrawn", label: "Withdrawn" },
] as const;

/** Response rate overall and by type (SQL: response-rates.server.ts), as bars and as a table; "not submitted" links filter the table below. */
function ResponseRates({ rates, linked }: { rates: { overall: RateRow; byType: RateRow[] }; linked: boolean }) {
  const { overall } = rates;
  const notSubmitted = (r: RateRow) => r.invited - r.submitted;
  const notSubmittedHref = (r: RateRow) => `?${new URLSearchParams([...(r.typeKey ? [["type", r.typeKey]] : []), ["state", "not-submitted"]])}#organisations`;
  return (
    <section aria-labelledby="rates-heading">
      <h3 id="rates-heading" className="rates-heading">
        Response rate: {overall.rate}% ({overall.submitted} of {overall.invited} invited organisations have submitted)
      </h3>
      {overall.invited > 0 ? (
        <StackedBarChart
          id="response-rates"
          title="Where the invited organisations are, by stakeholder type"
          palette="categorical"
          unit={{ one: "invited", other: "invited" }}
          summary={rates.byType.map((r) => `${r.typeLabel}: ${r.rate}% submitted (${r.submitted} of ${r.invited}), ${r.drafting} drafting, ${r.opened} opened the link only, ${r.invitedOnly} not opened yet`).join("; ") + "."}
          series={RATE_STATES.map((s) => ({ key: s.key, label: s.label }))}
          categories={rates.byType.map((r) => ({ key: r.typeKey!, label: r.typeLabel, values: RATE_STATES.map((s) => r[s.key]) }))}
        />
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Response rate by type of stakeholder</caption>
          <thead>
            <tr>
              <th scope="col">Type of stakeholder</th>
              <th scope="col" className="num">Invited</th>
              <th scope="col" className="num">Not opened yet</th>
              <th scope="col" className="num">Opened the link</th>
              <th scope="col" className="num">Drafting</th>
              <th scope="col" className="num">Submitted</th>
              <th scope="col" className="num">Withdrawn</th>
              <th scope="col" className="num">Rate</th>
              <th scope="col">Not answered yet</th>
            </tr>
          </thead>
          <tbody>
            {[...rates.byType, overall].map((r) => (
              <tr key={r.typeKey ?? "all"} className={r.typeKey ? undefined : "total-row"}>
                <th scope="row">{r.typeLabel}</th>
                <td className="num">{r.invited}</td>
                <td className="num">{r.invitedOnly}</td>
                <td className="num">{r.opened}</td>
                <td className="num">{r.drafting}</td>
                <td className="num">{r.submitted}</td>
                <td className="num">{r.withdrawn}</td>
                <td className="num">{r.rate}%</td>
                <td>
                  {notSubmitted(r) > 0 && !linked ? (
                    `${notSubmitted(r)} not submitted`
                  ) : notSubmitted(r) > 0 ? (
                    <Link to={notSubmittedHref(r)}>
                      {notSubmitted(r)} not submitted<span className="visually-hidden"> ({r.typeLabel})</span>
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
