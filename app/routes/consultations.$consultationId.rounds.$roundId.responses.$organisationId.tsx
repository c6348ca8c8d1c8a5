/**
 * One organisation's response, for the coordinators: every submitted version with its answers
 * and files (?version=N), how it arrived, its attribution choice, and its state. Analysts get
 * 403: the page names the organisation, whatever its attribution (decision 009).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forbidden, notFound } from "~/modules/auth/authorization.server";
import { formatSize } from "~/modules/response/attachment-rules";
import { OFFLINE_CHANNELS } from "~/modules/response/offline-schema";
import { loadResponseRecord } from "~/modules/response/response-record.server";
import { ATTRIBUTION_CHOICES } from "~/modules/response/submit-schema";
import { formatDateTime } from "~/modules/round/dates";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Response"} – Consult` }];

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

const STATUS_TEXT = {
  DRAFT: "Drafting: nothing submitted yet",
  SUBMITTED: "Submitted",
  WITHDRAWN: "Withdrawn by the organisation",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  if (role === "ANALYST") forbidden("Only coordinators see an organisation's whole response: analysts read the answers as their attribution allows.");
  const asked = new URL(request.url).searchParams.get("version");
  const versionNumber = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : null;
  const record = await loadResponseRecord(round.id, params.organisationId!, versionNumber);
  if (!record) notFound("This organisation is not invited to this round and has no response in it.");
  const when = (d: Date) => formatDateTime(d, round.timeZone);
  const { response, shown } = record;
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    roundTitle: round.title,
    organisation: {
      name: record.organisation.name,
      type: record.organisation.type,
      country: record.organisation.country ? (regionNames.of(record.organisation.country) ?? record.organisation.country) : null,
      survivorLed: record.organisation.survivorLed,
    },
    invitationRevoked: !!record.invitation?.revokedAt,
    extendedUntil: record.invitation?.extendedUntil ? when(record.invitation.extendedUntil) : null,
    status: response?.status ?? null,
    draftStarted: response ? when(response.createdAt) : null,
    withdrawn: response?.withdrawnAt && response.status === "WITHDRAWN" ? when(response.withdrawnAt) : null,
    channel:
      response && response.channel !== "PLATFORM"
        ? { label: OFFLINE_CHANNELS.find((c) => c.id === response.channel)?.label ?? response.channel, received: response.receivedAt?.toISOString().slice(0, 10) ?? null }
        : null,
    unknownVersion: record.unknownVersion ? asked : null,
    versions: record.versions.map((v) => ({
      number: v.number,
      submitted: when(v.submittedAt),
      by: v.by,
      attribution: ATTRIBUTION_CHOICES.find((c) => c.id === v.attribution)?.label ?? v.attribution,
      consent: v.consentToPublish,
    })),
    shown: shown
      ? {
          number: shown.number,
          latest: shown.number === record.versions[0]?.number,
          answers: shown.answers,
          attachments: shown.attachments.map((a) => ({ id: a.id, filename: a.filename, size: formatSize(a.size, "en"), by: a.uploadedBy, on: when(a.createdAt) })),
        }
      : null,
  };
}

export default function ResponseRecord() {
  const d = useLoaderData<typeof loader>();
  const shownVersion = d.shown ? d.versions.find((v) => v.number === d.shown!.number) : undefined;
  return (
    <>
      <p>
        <Link className="back-link" to={d.base}>
          ← {d.roundTitle}: who has answered
        </Link>
      </p>
      <h1>{d.organisation.name}</h1>
      <p className="lead">
        {[d.organisation.type, d.organisation.country, d.organisation.survivorLed ? "survivor-led" : null].filter(Boolean).join(" · ")}
      </p>

      <dl className="record-facts">
        <dt>State</dt>
        <dd>
          {d.status ? STATUS_TEXT[d.status] : "Not started"}
          {d.withdrawn ? ` on ${d.withdrawn}: its answers are not counted until it submits again.` : null}
        </dd>
        {d.channel ? (
          <>
            <dt>Received</dt>
            <dd>
              Outside the platform: {d.channel.label}
              {d.channel.received ? `, received ${d.channel.received}` : null} (recorded by a coordinator)
            </dd>
          </>
        ) : null}
        {d.extendedUntil ? (
          <>
            <dt>Deadline extended to</dt>
            <dd>{d.extendedUntil}</dd>
          </>
        ) : null}
        {d.invitationRevoked ? (
          <>
            <dt>Invitation</dt>
            <dd>Withdrawn from this round</dd>
          </>
        ) : null}
      </dl>

      {d.unknownVersion ? (
        <div className="notice notice--warning" role="status">
          <p>There is no version {d.unknownVersion}: the latest version is shown.</p>
        </div>
      ) : null}

      {d.versions.length === 0 ? (
        <div className="notice">
          <p>
            {d.status === "DRAFT"
              ? `The organisation started a draft on ${d.draftStarted}. A draft stays the organisation's own until one of its submitters submits it.`
              : "The organisation has not started its response."}
          </p>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption>Submitted versions ({d.versions.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">By</th>
                  <th scope="col">Attribution</th>
                  <th scope="col">Consent to publish</th>
                </tr>
              </thead>
              <tbody>
                {d.versions.map((v) => (
                  <tr key={v.number} aria-current={v.number === d.shown?.number ? "true" : undefined}>
                    <td>
                      {v.number === d.shown?.number ? (
                        <strong>Version {v.number} (shown)</strong>
                      ) : (
                        <Link to={`?version=${v.number}`}>Version {v.number}</Link>
                      )}
                    </td>
                    <td>{v.submitted}</td>
                    <td>{v.by ?? "—"}</td>
                    <td>{v.attribution}</td>
                    <td>{v.consent ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {d.shown ? (
            <>
              <h2>
                Version {d.shown.number}
                {d.shown.latest ? " (latest)" : ""}, submitted {shownVersion?.submitted}
              </h2>
              <h3 id="attachments">Attached files ({d.shown.attachments.length})</h3>
              {d.shown.attachments.length > 0 ? (
                <ul>
                  {d.shown.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/attachments/${a.id}`} download={a.filename}>
                        {a.filename}
                      </a>{" "}
                      <span className="muted">
                        ({a.size}, added {a.on}
                        {a.by ? ` by ${a.by}` : ""})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No file was attached to this version.</p>
              )}
              {d.shown.answers.map((group) => (
                <section key={group.heading} aria-labelledby={`g-${group.questions[0]!.id}`}>
                  <h3 id={`g-${group.questions[0]!.id}`}>{group.heading}</h3>
                  <dl className="record-answers">
                    {group.questions.map((q) => (
                      <div key={q.id}>
                        <dt>
                          {q.number ? `${q.number}. ` : ""}
                          {q.prompt}
                          {q.retired ? <span className="muted"> (a question since replaced)</span> : null}
                        </dt>
                        <dd>
                          {q.text ? (
                            <p className="record-text">{q.text}</p>
                          ) : q.choices.length > 0 ? (
                            q.choices.join("; ")
                          ) : (
                            <span className="muted">No answer</span>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </>
          ) : null}
        </>
      )}
    </>
  );
}
