/**
 * A round's dates, time zone and reminder schedule (changeable while it is a draft), and its
 * transitions: schedule, back to draft, open now, close now, archive. Each transition asks for
 * confirmation first (a plain link to ?confirm=..., so it works without JavaScript).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { RoundFields, roundFieldValues } from "~/components/round/round-fields";
import { RoundNav, StatusBadge } from "~/components/round/round-nav";
import { useValidatedForm } from "~/components/use-validated-form";
import { db } from "~/modules/db/client.server";
import { validateForm } from "~/modules/forms/validation";
import { readinessProblems, transitionRound, TRANSITIONS_FROM, updateRound, type Transition } from "~/modules/round/lifecycle.server";
import { requireRoundAccess, requireRoundManager } from "~/modules/round/round-access.server";
import { formatDateTime, utcToZonedInput } from "~/modules/round/dates";
import { RoundSchema } from "~/modules/round/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dates and status: ${data?.title ?? "Round"} – Consult` }];

const TRANSITION_TEXT: Record<Transition, { button: string; question: string; explain: string; done: string; danger?: boolean }> = {
  schedule: {
    button: "Schedule the round",
    question: "Schedule this round?",
    explain: "It will open by itself at its opening time and email every invited contact their personal link, then close by itself at its closing time. Its settings can no longer change unless you move it back to draft.",
    done: "The round is scheduled.",
  },
  unschedule: {
    button: "Back to draft",
    question: "Move this round back to draft?",
    explain: "It will not open by itself until you schedule it again. You can then change its dates and settings.",
    done: "The round is a draft again.",
  },
  open: {
    button: "Open now",
    question: "Open this round now?",
    explain: "Every invited contact is emailed their personal link at once, and organisations can answer until the closing time.",
    done: "The round is open. Invitations are on their way.",
  },
  close: {
    button: "Close now",
    question: "Close this round now?",
    explain: "Organisations can no longer save or submit answers, except those whose deadline you extended, until their new deadline. This cannot be undone.",
    done: "The round is closed.",
    danger: true,
  },
  archive: {
    button: "Archive",
    question: "Archive this round?",
    explain: "It stays readable, with its results, but nothing in it can change any more, not even extended deadlines.",
    done: "The round is archived.",
    danger: true,
  },
};

const isTransition = (x: unknown): x is Transition => typeof x === "string" && x in TRANSITION_TEXT;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const zone = round.timeZone;
  const canEdit = role !== "ANALYST" && !round.consultation.archivedAt;
  const versions = await db().documentVersion.findMany({
    where: { consultationId: round.consultationId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, title: true },
  });
  const counts = await db().invitation.findMany({
    where: { roundId: round.id, revokedAt: null },
    select: { _count: { select: { links: { where: { revokedAt: null } } } } },
  });
  const now = new Date();
  const problems = round.status === "DRAFT" || round.status === "SCHEDULED" ? await readinessProblems(db(), round, now) : [];
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    title: round.title,
    status: round.status,
    canEdit,
    editable: canEdit && round.status === "DRAFT",
    transitions: canEdit ? TRANSITIONS_FROM[round.status] : [],
    problems,
    overdue: round.status === "SCHEDULED" && !!round.opensAt && round.opensAt <= now,
    organisations: counts.length,
    links: counts.reduce((n, c) => n + c._count.links, 0),
    versions: versions.map((v) => ({ id: v.id, label: `Version ${v.number}: ${v.title}` })),
    summary: {
      timeZone: zone,
      opens: round.opensAt ? formatDateTime(round.opensAt, zone) : null,
      closes: round.closesAt ? formatDateTime(round.closesAt, zone) : null,
      openedAt: round.openedAt ? formatDateTime(round.openedAt, zone) : null,
      closedAt: round.closedAt ? formatDateTime(round.closedAt, zone) : null,
      reminderDays: round.reminderDays,
      sentReminderDays: round.sentReminderDays,
      maxReminders: round.maxReminders,
    },
    stored: {
      title: round.title,
      versionId: round.versionId,
      instructions: round.instructions,
      timeZone: zone,
      opensAt: round.opensAt ? utcToZonedInput(round.opensAt, zone) : "",
      closesAt: round.closesAt ? utcToZonedInput(round.closesAt, zone) : "",
      reminderDays: round.reminderDays.map(String),
      maxReminders: String(round.maxReminders),
    },
  };
}

type ActionResult =
  | { intent: "update"; errors: Record<string, string>; values: Record<string, string | string[]> }
  | { intent: "transition"; problems: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round, user } = await requireRoundManager(request, params.consultationId!, params.roundId!);
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/consultations/${round.consultationId}/rounds/${round.id}/settings`;
  if (intent === "update") {
    const result = validateForm(form, RoundSchema);
    if (!result.ok) return data<ActionResult>({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const updated = await updateRound(user.id, round.id, result.data);
    if (!updated.ok) return data<ActionResult>({ intent, errors: updated.errors, values: result.values }, { status: 409 });
    return redirect(`${here}?saved=1`);
  }
  if (isTransition(intent)) {
    const result = await transitionRound(user.id, round.id, intent);
    if (!result.ok) return data<ActionResult>({ intent: "transition", problems: result.problems }, { status: 409 });
    context.wakeMailWorker();
    return redirect(`${here}?done=${intent}`);
  }
  return data<ActionResult>({ intent: "transition", problems: ["Unknown action."] }, { status: 400 });
}

export default function RoundSettings() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const update = actionData?.intent === "update" ? actionData : undefined;
  const form = useValidatedForm(RoundSchema, update?.errors);
  const confirm = search.get("confirm");
  const confirming = isTransition(confirm) && d.transitions.includes(confirm) ? confirm : null;
  const done = search.get("done");
  const s = d.summary;
  return (
    <>
      <h1>{d.title}</h1>
      <RoundNav base={d.base} title={d.title} />
      <h2>Dates and status</h2>
      {search.get("created") ? (
        <div className="notice notice--success" role="status">
          <p>The round is created as a draft. Next: add its questions and choose who is invited.</p>
        </div>
      ) : null}
      {search.get("saved") ? (
        <div className="notice notice--success" role="status">
          <p>Saved.</p>
        </div>
      ) : null}
      {isTransition(done) && !confirming ? (
        <div className="notice notice--success" role="status">
          <p>{TRANSITION_TEXT[done].done}</p>
        </div>
      ) : null}
      {actionData?.intent === "transition" ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>The round cannot change yet</h2>
          <ul>
            {actionData.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <dl className="summary">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={d.status} />
        </dd>
        <dt>Opens</dt>
        <dd>{s.opens ?? "Not set"}{s.openedAt && s.openedAt !== s.opens ? ` (opened ${s.openedAt})` : null}</dd>
        <dt>Closes</dt>
        <dd>{s.closes ?? "Not set"}</dd>
        <dt>Time zone</dt>
        <dd>{s.timeZone}. Each respondent sees the dates in their own time zone.</dd>
        <dt>Reminders</dt>
        <dd>
          {s.reminderDays.length === 0
            ? "None scheduled"
            : s.reminderDays.map((n) => `${n} day${n === 1 ? "" : "s"}${s.sentReminderDays.includes(n) ? " (sent)" : ""}`).join(", ") + " before closing"}
          ; at most {s.maxReminders} per organisation
        </dd>
        <dt>Invited</dt>
        <dd>
          {d.organisations} organisation{d.organisations === 1 ? "" : "s"}, {d.links} personal link{d.links === 1 ? "" : "s"}
        </dd>
      </dl>

      {d.overdue && d.problems.length > 0 ? (
        <div className="notice notice--warning">
          <p>The opening time has passed, but the round waits: it needs attention before it can open.</p>
        </div>
      ) : null}
      {d.problems.length > 0 ? (
        <div className="notice">
          <h3 className="flush">Before the round can go out</h3>
          <ul>
            {d.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {confirming ? (
        <section className={`confirm-panel${TRANSITION_TEXT[confirming].danger ? " confirm-panel--danger" : ""}`} aria-labelledby="confirm-title">
          <h3 id="confirm-title">{TRANSITION_TEXT[confirming].question}</h3>
          <p>{TRANSITION_TEXT[confirming].explain}</p>
          {confirming === "open" || confirming === "schedule" ? (
            <p>
              {d.organisations} organisation{d.organisations === 1 ? " is" : "s are"} invited, with {d.links} personal link{d.links === 1 ? "" : "s"}.
            </p>
          ) : null}
          <Form method="post" className="button-row">
            <button className={`button${TRANSITION_TEXT[confirming].danger ? " button--danger" : ""}`} type="submit" name="intent" value={confirming}>
              Yes, {TRANSITION_TEXT[confirming].button.toLowerCase()}
            </button>
            <Link to="." replace>
              Cancel
            </Link>
          </Form>
        </section>
      ) : d.transitions.length > 0 ? (
        <div className="button-row">
          {d.transitions.map((t) => (
            <Link key={t} className={`button${t === "close" || t === "archive" || t === "unschedule" ? " button--secondary" : ""}`} to={`?confirm=${t}`}>
              {TRANSITION_TEXT[t].button}
            </Link>
          ))}
        </div>
      ) : null}

      {d.editable ? (
        <section className="prose" aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
          <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
            <RoundFields values={roundFieldValues(update?.values, d.stored)} errors={form.errors} register={form.register} versions={d.versions} />
            <button className="button" type="submit" name="intent" value="update">
              Save the settings
            </button>
          </Form>
        </section>
      ) : d.canEdit && d.status === "SCHEDULED" ? (
        <p className="muted">To change the dates or reminders, move the round back to draft first.</p>
      ) : null}
    </>
  );
}
