/**
 * Who is invited to a round: choose the audience by type of stakeholder and/or organisation;
 * for each invited organisation, its contacts' personal links (resend, revoke), its deadline
 * (extend it: ?extend=<invitation>) and withdrawing the invitation.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { describedBy, ErrorSummary, FieldError, fieldId, Hint } from "~/components/forms";
import { RoundNav, StatusBadge } from "~/components/round/round-nav";
import { useValidatedForm } from "~/components/use-validated-form";
import { db } from "~/modules/db/client.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { extendDeadline, inviteOrganisations, resendLink, revokeLink, withdrawInvitation } from "~/modules/invitation/invitations.server";
import { deadlineOf, isAcceptingAnswers } from "~/modules/response/respondent-round.server";
import { formatDateTime, utcToZonedInput } from "~/modules/round/dates";
import { requireRoundAccess, requireRoundManager } from "~/modules/round/round-access.server";
import { extensionSchema, InviteSchema } from "~/modules/round/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invitations: ${data?.title ?? "Round"} – Consult` }];

const EMAIL_LABEL = { SENT: "email delivered", FAILED: "email failed", PENDING: "email queued", SENDING: "email queued" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const zone = round.timeZone;
  const canEdit = role !== "ANALYST" && !round.consultation.archivedAt;
  const [types, organisations, invitations] = await Promise.all([
    db().stakeholderType.findMany({ orderBy: { position: "asc" }, select: { key: true, label: true, _count: { select: { organisations: true } } } }),
    db().organisation.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, type: { select: { key: true } }, _count: { select: { contacts: true } } },
    }),
    db().invitation.findMany({
      where: { roundId: round.id },
      orderBy: { organisation: { name: "asc" } },
      include: {
        organisation: { select: { name: true, type: { select: { label: true } } } },
        links: {
          orderBy: { createdAt: "asc" },
          include: {
            contact: { select: { role: true, user: { select: { name: true, email: true } } } },
            emails: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, template: true } },
          },
        },
      },
    }),
  ]);
  const invitedIds = new Set(invitations.filter((i) => !i.revokedAt).map((i) => i.organisationId));
  const url = new URL(request.url);
  const extending = invitations.find((i) => i.id === url.searchParams.get("extend") && !i.revokedAt);
  const canExtend = canEdit && (round.status === "OPEN" || round.status === "CLOSED");
  const now = new Date();
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    title: round.title,
    status: round.status,
    timeZone: zone,
    canInvite: canEdit && ["DRAFT", "SCHEDULED", "OPEN"].includes(round.status),
    canEdit,
    canExtend,
    emailsGoOut: round.status === "OPEN" ? "now" : "at opening",
    types: types.map((t) => ({ key: t.key, label: t.label, count: t._count.organisations, chosen: round.audienceTypes.includes(t.key) })),
    organisations: types.map((t) => ({
      key: t.key,
      label: t.label,
      members: organisations
        .filter((o) => o.type.key === t.key)
        .map((o) => ({ id: o.id, name: o.name, contacts: o._count.contacts, invited: invitedIds.has(o.id) })),
    })),
    invitations: invitations.map((i) => {
      const deadline = deadlineOf(round, i);
      return {
        id: i.id,
        organisation: i.organisation.name,
        type: i.organisation.type.label,
        withdrawn: !!i.revokedAt,
        deadline: deadline ? formatDateTime(deadline, zone) : null,
        extended: !!i.extendedUntil,
        remindersSent: i.remindersSent,
        canResend: canEdit && !i.revokedAt && isAcceptingAnswers(round, i, now),
        links: i.links.map((l) => ({
          id: l.id,
          name: l.contact.user.name,
          email: l.contact.user.email,
          submitter: l.contact.role === "SUBMITTER",
          revoked: !!l.revokedAt,
          opened: l.firstOpenedAt ? formatDateTime(l.firstOpenedAt, zone) : null,
          lastEmail: l.emails[0] ? `${l.emails[0].template}: ${EMAIL_LABEL[l.emails[0].status]}` : null,
        })),
      };
    }),
    extending: extending
      ? {
          id: extending.id,
          organisation: extending.organisation.name,
          current: formatDateTime(deadlineOf(round, extending) ?? now, zone),
          suggested: utcToZonedInput(new Date(Math.max((deadlineOf(round, extending) ?? now).getTime(), now.getTime()) + 7 * 86_400_000), zone),
        }
      : null,
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round, user } = await requireRoundManager(request, params.consultationId!, params.roundId!);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const here = `/consultations/${round.consultationId}/rounds/${round.id}/invitations`;
  const fail = (errors: FieldErrors, values: Record<string, string | string[]> = {}, status = 409) =>
    data<ActionResult>({ intent, errors, values }, { status });

  if (intent === "invite") {
    const result = validateForm(form, InviteSchema);
    if (!result.ok) return fail(result.errors, result.values, 400);
    const invited = await inviteOrganisations(user.id, round.id, result.data);
    if (!invited.ok) return fail(invited.errors, result.values);
    context.wakeMailWorker();
    const query = new URLSearchParams({ invited: String(invited.invited), links: String(invited.links), emails: String(invited.emails) });
    if (invited.withoutContacts.length > 0) query.set("noContacts", invited.withoutContacts.join(", "));
    return redirect(`${here}?${query}`);
  }
  if (intent === "extend") {
    const result = validateForm(form, extensionSchema(round.timeZone));
    if (!result.ok) return fail(result.errors, result.values, 400);
    const extended = await extendDeadline(user.id, round, result.data);
    if (!extended.ok) return fail(extended.errors, result.values);
    context.wakeMailWorker();
    return redirect(`${here}?done=extended`);
  }
  const id = String(form.get("id") ?? "");
  const outcome =
    intent === "resend-link"
      ? await resendLink(user.id, round, id)
      : intent === "revoke-link"
        ? await revokeLink(user.id, round, id)
        : intent === "withdraw"
          ? await withdrawInvitation(user.id, round, id)
          : ({ ok: false, errors: { form: "Unknown action." } } as const);
  if (!outcome.ok) return fail(outcome.errors);
  if (intent === "resend-link") context.wakeMailWorker();
  return redirect(`${here}?done=${intent}`);
}

const AUDIENCE_HINT = "Organisations already invited are left as they are; contacts added to them since get their link.";

const DONE: Record<string, string> = {
  extended: "The deadline is extended and the organisation's contacts are told by email.",
  "resend-link": "A new personal link is on its way; the old one no longer works.",
  "revoke-link": "The link no longer works.",
  withdraw: "The invitation is withdrawn: the organisation's links no longer work.",
};

export default function Invitations() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const invite = useValidatedForm(InviteSchema, actionData?.intent === "invite" ? actionData.errors : undefined);
  const extendSchema = useMemo(() => extensionSchema(d.timeZone), [d.timeZone]);
  const extend = useValidatedForm(extendSchema, actionData?.intent === "extend" ? actionData.errors : undefined);
  const typed = actionData?.intent === "invite" ? actionData.values : undefined;
  const typedList = (name: string) => {
    const v = typed?.[name];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  };
  const otherErrors = actionData && actionData.intent !== "invite" && actionData.intent !== "extend" ? actionData.errors : undefined;
  const done = search.get("done");
  const live = d.invitations.filter((i) => !i.withdrawn);
  const withdrawn = d.invitations.filter((i) => i.withdrawn);

  return (
    <>
      <h1>{d.title}</h1>
      <RoundNav base={d.base} title={d.title} />
      <h2>Invitations</h2>
      <p>
        <StatusBadge status={d.status} /> {live.length} organisation{live.length === 1 ? "" : "s"} invited. Each contact gets a personal
        link by email {d.emailsGoOut === "now" ? "as soon as their organisation is invited" : "when the round opens"}.
      </p>
      {search.get("invited") ? (
        <div className="notice notice--success" role="status">
          <p>
            {search.get("invited")} organisation(s) newly invited, {search.get("links")} personal link(s) created
            {Number(search.get("emails")) > 0 ? `, ${search.get("emails")} invitation email(s) on their way` : ""}.
          </p>
          {search.get("noContacts") ? <p>No contact to write to yet: {search.get("noContacts")}. Add contacts in the stakeholder registry, then invite again.</p> : null}
        </div>
      ) : null}
      {done && DONE[done] ? (
        <div className="notice notice--success" role="status">
          <p>{DONE[done]}</p>
        </div>
      ) : null}
      <ErrorSummary errors={otherErrors} focusKey={actionData} />

      {d.extending && d.canExtend ? (
        <section className="confirm-panel prose" aria-labelledby="extend-title">
          <h3 id="extend-title">Extend the deadline for {d.extending.organisation}</h3>
          <p>
            Their deadline now: {d.extending.current}. They may save and submit until the new deadline, even after the round closes for
            everyone else. Their contacts are told by email.
          </p>
          <ErrorSummary errors={extend.errors} focusKey={[extend.submitCount, actionData]} />
          <Form method="post" ref={extend.formRef} onSubmit={extend.onSubmit} noValidate>
            <input type="hidden" name="invitationId" value={d.extending.id} />
            <div className={`field${extend.errors.extendedUntil ? " field--error" : ""}`}>
              <label htmlFor={fieldId("extendedUntil")}>New deadline</label>
              <Hint name="extendedUntil" hint={`Wall-clock time in ${d.timeZone}.`} />
              <FieldError name="extendedUntil" error={extend.errors.extendedUntil} />
              <input
                id={fieldId("extendedUntil")}
                type="datetime-local"
                defaultValue={typeof actionData?.values.extendedUntil === "string" ? actionData.values.extendedUntil : d.extending.suggested}
                aria-invalid={extend.errors.extendedUntil ? true : undefined}
                aria-describedby={describedBy({ name: "extendedUntil", hint: d.timeZone, error: extend.errors.extendedUntil })}
                {...extend.register("extendedUntil")}
              />
            </div>
            <div className="button-row">
              <button className="button" type="submit" name="intent" value="extend">
                Extend the deadline
              </button>
              <Link to="." replace>
                Cancel
              </Link>
            </div>
          </Form>
        </section>
      ) : null}

      {d.canInvite ? (
        <section aria-labelledby="invite-title">
          <h3 id="invite-title">Invite organisations</h3>
          <ErrorSummary errors={invite.errors} focusKey={[invite.submitCount, actionData]} />
          <Form method="post" ref={invite.formRef} onSubmit={invite.onSubmit} noValidate>
            <div className={`field${invite.errors.audienceTypes ? " field--error" : ""}`}>
              <fieldset id={fieldId("audienceTypes")} tabIndex={-1} aria-describedby={describedBy({ name: "audienceTypes", hint: AUDIENCE_HINT, error: invite.errors.audienceTypes })}>
                <legend>Every organisation of these types</legend>
                <Hint name="audienceTypes" hint={AUDIENCE_HINT} />
                <FieldError name="audienceTypes" error={invite.errors.audienceTypes} />
                <div className="choices">
                  {d.types.map((t) => (
                    <label className="choice" key={t.key}>
                      <input type="checkbox" value={t.key} defaultChecked={typedList("audienceTypes").includes(t.key)} {...invite.register("audienceTypes")} />
                      <span>
                        {t.label} <span className="muted">({t.count})</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
            <fieldset className="field" id={fieldId("organisationIds")}>
              <legend>And these organisations</legend>
              {d.organisations
                .filter((g) => g.members.length > 0)
                .map((g) => (
                  <details key={g.key} className="org-picker">
                    <summary>
                      {g.label} ({g.members.filter((m) => m.invited).length} of {g.members.length} invited)
                    </summary>
                    <div className="choices">
                      {g.members.map((o) => (
                        <label className="choice" key={o.id}>
                          <input
                            type="checkbox"
                            value={o.id}
                            defaultChecked={typedList("organisationIds").includes(o.id)}
                            disabled={o.invited}
                            {...invite.register("organisationIds")}
                          />
                          <span>
                            {o.name}
                            {o.invited ? <span className="muted"> (invited)</span> : null}
                            {o.contacts === 0 ? <span className="muted"> (no contacts)</span> : null}
                          </span>
                        </label>
                      ))}
                    </div>
                  </details>
                ))}
            </fieldset>
            <button className="button" type="submit" name="intent" value="invite">
              Invite
            </button>
          </Form>
        </section>
      ) : null}

      <div className="table-wrap">
        <table>
          <caption>Invited organisations and their personal links ({live.length})</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Contacts</th>
              <th scope="col">Deadline</th>
              {d.canEdit ? <th scope="col">Invitation</th> : null}
            </tr>
          </thead>
          <tbody>
            {live.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.organisation}
                  <span className="stakeholder-email">{i.type}</span>
                </th>
                <td>
                  {i.links.length === 0 ? (
                    <span className="muted">No contacts</span>
                  ) : (
                    <ul className="link-list">
                      {i.links.map((l) => (
                        <li key={l.id}>
                          <span>
                            {l.name} {l.submitter ? <span className="muted">(submitter)</span> : null}
                            <span className="stakeholder-email">{l.email}</span>
                            <span className="muted">
                              {l.revoked ? "Link revoked" : l.opened ? `Opened ${l.opened}` : "Not opened"}
                              {l.lastEmail ? ` · ${l.lastEmail}` : ""}
                            </span>
                          </span>
                          {d.canEdit ? (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="id" value={l.id} />
                              {i.canResend ? (
                                <button className="button button--secondary button--small" type="submit" name="intent" value="resend-link">
                                  {l.revoked ? "Send a new link" : "Resend"}
                                  <span className="visually-hidden"> to {l.name}</span>
                                </button>
                              ) : null}
                              {!l.revoked ? (
                                <button className="button button--secondary button--small" type="submit" name="intent" value="revoke-link">
                                  Revoke<span className="visually-hidden"> the link of {l.name}</span>
                                </button>
                              ) : null}
                            </Form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {i.deadline ?? "—"}
                  {i.extended ? <span className="badge badge--extended">extended</span> : null}
                  {d.canExtend ? (
                    <>
                      {" "}
                      <Link to={`?extend=${i.id}`}>
                        Extend<span className="visually-hidden"> the deadline for {i.organisation}</span>
                      </Link>
                    </>
                  ) : null}
                </td>
                {d.canEdit ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={i.id} />
                      <button className="button button--danger button--small" type="submit" name="intent" value="withdraw">
                        Withdraw<span className="visually-hidden"> the invitation of {i.organisation}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withdrawn.length > 0 ? (
        <p className="muted">Withdrawn: {withdrawn.map((w) => w.organisation).join(", ")}. Invite them again to restore their links.</p>
      ) : null}
    </>
  );
}
