/**
 * A new worklist item, by hand or from answers selected on the written-answers page (their
 * ids come as `answer` parameters and travel in hidden fields). Analysts may propose items:
 * every new item starts open; only coordinators decide.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { ItemFields, SourceAnswers } from "~/components/worklist/item-fields";
import { DOCUMENT_KEY } from "~/modules/analysis/schemas";
import { forbidden, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { cleanSearchParams, validateForm } from "~/modules/forms/validation";
import { createItem, teamMembers } from "~/modules/worklist/items.server";
import { newItemSchema } from "~/modules/worklist/schemas";
import { sectionOptions, sourceAnswersView } from "~/modules/worklist/sources.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "New worklist item – Consult" }];

/** The consultation's rounds, latest first: an item belongs to one, or it reaches no summary. */
const roundsOf = (consultationId: string) =>
  db().round.findMany({ where: { consultationId }, orderBy: { number: "desc" }, select: { id: true, number: true, title: true } });

async function context(request: Request, consultationId: string, answerIds: string[], roundParam: string | null) {
  const access = await requireConsultationAccess(request, consultationId);
  const reader = access.role === "ANALYST" ? "analyst" : "coordinator";
  const [sources, rounds] = await Promise.all([sourceAnswersView(reader, consultationId, answerIds.slice(0, 500)), roundsOf(consultationId)]);
  // The round asked for (the list's filter, the answers page), else the answers', else the latest.
  const roundId = rounds.find((r) => r.id === roundParam)?.id ?? sources[0]?.roundId ?? rounds[0]?.id ?? null;
  const [sections, team] = await Promise.all([sectionOptions(consultationId, roundId), teamMembers(consultationId)]);
  return { access, sources, roundId, rounds, sections, team };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = cleanSearchParams(new URL(request.url).searchParams);
  const answerIds = query.getAll("answer");
  const { sources, roundId, rounds, sections, team } = await context(request, params.consultationId!, answerIds, query.get("round"));
  // The section: as asked, else the one all the chosen answers are about.
  const asked = query.get("section");
  const common = new Set(sources.map((s) => s.sectionKey ?? ""));
  const sectionKey = asked !== null && asked !== "" ? (asked === DOCUMENT_KEY ? "" : asked) : common.size === 1 ? [...common][0]! : "";
  return {
    consultationId: params.consultationId!,
    roundId: roundId ?? "",
    rounds: rounds.map((r) => ({ id: r.id, label: `Round ${r.number}: ${r.title}` })),
    sections,
    team,
    sources,
    values: { sectionKey: sections.some((s) => s.key === sectionKey) ? sectionKey : "", type: "GENERAL", priority: "MEDIUM", summary: "", ownerId: "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const access = await requireConsultationAccess(request, consultationId);
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { archivedAt: true } });
  if (consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  const result = validateForm(await readForm(request), newItemSchema);
  // The sections offered again are those of the round chosen in the form.
  const sectionsOf = async (roundId: unknown) =>
    typeof roundId === "string" && roundId && (await db().round.findFirst({ where: { id: roundId, consultationId }, select: { id: true } }))
      ? sectionOptions(consultationId, roundId)
      : null;
  if (!result.ok) return data({ errors: result.errors, values: result.values, sections: await sectionsOf(result.values.roundId) }, { status: 400 });
  const created = await createItem(access.user.id, consultationId, result.data);
  if (!created.ok) return data({ errors: created.errors, values: result.values, sections: await sectionsOf(result.values.roundId) }, { status: 400 });
  return redirect(`/consultations/${consultationId}/worklist/${created.id}?done=created`);
}

export default function NewWorklistItem() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(newItemSchema, actionData?.errors);
  const values = { roundId: d.roundId, ...d.values, ...(actionData?.values ?? {}) } as Record<string, string | string[]>;
  const sections = actionData?.sections ?? d.sections;
  return (
    <>
      <p>
        <Link className="back-link" to={`/consultations/${d.consultationId}/worklist`}>
          ← Worklist
        </Link>
      </p>
      <h1>New worklist item</h1>
      <p className="lead">
        {d.sources.length > 0
          ? `From ${d.sources.length} selected answer${d.sources.length === 1 ? "" : "s"}. It starts open; a coordinator decides it.`
          : "Written by hand. It starts open; a coordinator decides it."}
      </p>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
        {d.sources.length > 0 || d.rounds.length === 0 ? (
          <input type="hidden" name="roundId" value={d.roundId} />
        ) : (
          <div className={`field${form.errors.roundId ? " field--error" : ""}`}>
            <label htmlFor={fieldId("roundId")}>Round</label>
            <span className="hint" id={`${fieldId("roundId")}-hint`}>
              The round whose comments this item answers: it appears in that round's summary and when its draft is revised. The sections are those of
              the draft it asked about.
            </span>
            <FieldError name="roundId" error={form.errors.roundId} />
            <select id={fieldId("roundId")} defaultValue={String(values.roundId ?? "")} aria-describedby={`${fieldId("roundId")}-hint`} {...form.register("roundId")}>
              {d.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {d.sources.map((s) => (
          <input key={s.id} type="hidden" name="answerId" value={s.id} />
        ))}
        <div className={`field${form.errors.sectionKey ? " field--error" : ""}`}>
          <label htmlFor={fieldId("sectionKey")}>Section</label>
          <FieldError name="sectionKey" error={form.errors.sectionKey} />
          <select id={fieldId("sectionKey")} defaultValue={String(values.sectionKey ?? "")} {...form.register("sectionKey")}>
            <option value="">The document as a whole</option>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.heading}
              </option>
            ))}
          </select>
        </div>
        <ItemFields values={values} errors={form.errors} register={form.register} team={d.team} />
        <div className="button-row">
          <button className="button" type="submit">
            Create the item
          </button>
          <Link to={`/consultations/${d.consultationId}/worklist`}>Cancel</Link>
        </div>
      </Form>
      <SourceAnswers sources={d.sources} headingId="sources" />
    </>
  );
}
