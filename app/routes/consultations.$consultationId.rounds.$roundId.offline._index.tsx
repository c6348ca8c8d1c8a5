/**
 * Views received outside the platform: record a response on behalf of an organisation (the
 * whole questionnaire, with its channel, date and original file), or import a comment table.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId } from "~/components/forms";
import { QuestionField } from "~/components/respondent/question-field";
import { useValidatedForm } from "~/components/use-validated-form";
import { forbidden } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { readMultipartForm, uploadedFile, UploadTooLargeError } from "~/modules/forms/uploads.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { answersSchema, answerValues, fieldName, type FormQuestion } from "~/modules/questionnaire/questions";
import { CommentTableError, planCommentTable, readCommentTable } from "~/modules/response/comment-table.server";
import { recordOfflineResponse } from "~/modules/response/offline.server";
import { OFFLINE_CHANNELS, OfflineResponseSchema } from "~/modules/response/offline-schema";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { ATTRIBUTION_CHOICES } from "~/modules/response/submit-schema";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export const meta: MetaFunction = () => [{ title: "Views received outside the platform – Consult" }];

const MAX_UPLOAD = 20 * 1024 * 1024;

async function questionsOf(roundId: string) {
  const invitation = await db().invitation.findFirst({ where: { roundId }, select: { id: true } });
  if (!invitation) return [];
  return (await loadRespondentRound(invitation.id)).sections;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const organisations = await db().organisation.findMany({
    where: { invitations: { some: { roundId: round.id, revokedAt: null } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return {
    consultationId: round.consultationId,
    roundId: round.id,
    roundTitle: round.title,
    canEdit: role !== "ANALYST",
    organisations,
    sections: (await questionsOf(round.id)).map((s) => ({ key: s.key, heading: s.heading, questions: s.questions })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { round, user } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  if (round.consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  if (!(user.isAdmin || (await db().consultationMember.count({ where: { userId: user.id, consultationId: round.consultationId, role: "COORDINATOR" } })))) {
    throw data({ message: "Only coordinators record responses." }, { status: 403 });
  }
  let form: FormData;
  try {
    form = await readMultipartForm(request, MAX_UPLOAD);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return data<ActionResult>({ intent: "", errors: { file: error.message }, values: {} }, { status: 400 });
    throw error;
  }
  const intent = String(form.get("intent") ?? "");
  const meta = validateForm(form, OfflineResponseSchema);
  if (!meta.ok) return data<ActionResult>({ intent, errors: meta.errors, values: meta.values }, { status: 400 });
  const invited = await db().invitation.findFirst({ where: { roundId: round.id, organisationId: meta.data.organisationId, revokedAt: null } });
  if (!invited) return data<ActionResult>({ intent, errors: { organisationId: "This organisation is not invited to the round" }, values: meta.values }, { status: 400 });
  const file = await uploadedFile(form, "file");
  const receivedAt = new Date(`${meta.data.receivedAt}T12:00:00Z`);

  if (intent === "import-table") {
    if (!file) return data<ActionResult>({ intent, errors: { file: "Choose the comment table (.xlsx or .csv)" }, values: meta.values }, { status: 400 });
    try {
      const plan = await planCommentTable(round.id, await readCommentTable(file));
      if (plan.length === 0) return data<ActionResult>({ intent, errors: { file: "The table has no rows under its header" }, values: meta.values }, { status: 400 });
      const pending = await db().pendingImport.create({
        data: {
          kind: "comment-table",
          consultationId: round.consultationId,
          createdById: user.id,
          filename: file.filename,
          payload: {
            roundId: round.id,
            ...meta.data,
            channel: "COMMENT_TABLE",
            mediaType: file.mediaType,
            file: file.content.toString("base64"),
            plan,
          },
        },
      });
      return redirect(`/consultations/${round.consultationId}/rounds/${round.id}/offline/${pending.id}`);
    } catch (error) {
      if (error instanceof CommentTableError) return data<ActionResult>({ intent, errors: { file: error.message }, values: meta.values }, { status: 400 });
      throw error;
    }
  }

  const sections = await questionsOf(round.id);
  const questions = sections.flatMap((s) => s.questions);
  const answers = validateForm(form, answersSchema(questions, { requireAll: false }));
  if (!answers.ok) return data<ActionResult>({ intent, errors: answers.errors, values: answers.values }, { status: 400 });
  const values = new Map([...answerValues(questions, answers.data)].filter(([, v]) => v.choices.length > 0 || v.text));
  if (values.size === 0 && !file) {
    return data<ActionResult>({ intent, errors: { form: "Enter at least one answer, or attach the original document." }, values: answers.values }, { status: 400 });
  }
  await recordOfflineResponse({
    consultationId: round.consultationId,
    roundId: round.id,
    organisationId: meta.data.organisationId,
    actorId: user.id,
    channel: meta.data.channel,
    receivedAt,
    attribution: meta.data.attribution,
    consentToPublish: meta.data.consent,
    answers: values,
    file: file ?? undefined,
  });
  return redirect(`/consultations/${round.consultationId}/rounds/${round.id}?recorded=1`);
}

function MetaFields({ d, errors, register, values, fixedChannel }: {
  d: { organisations: Array<{ id: string; name: string }> };
  errors: FieldErrors;
  register: ReturnType<typeof useValidatedForm>["register"];
  values: Record<string, string | string[]>;
  fixedChannel?: string;
}) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const prefix = fixedChannel ? "table-" : "";
  return (
    <>
      <div className={`field${errors.organisationId ? " field--error" : ""}`}>
        <label htmlFor={`${prefix}${fieldId("organisationId")}`}>Organisation</label>
        <FieldError name="organisationId" error={errors.organisationId} />
        <select id={`${prefix}${fieldId("organisationId")}`} defaultValue={v("organisationId")} {...register("organisationId")}>
          <option value="">Choose…</option>
          {d.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {fixedChannel ? (
        <input type="hidden" name="channel" value={fixedChannel} />
      ) : (
        <div className={`field${errors.channel ? " field--error" : ""}`}>
          <label htmlFor={fieldId("channel")}>Received as</label>
          <FieldError name="channel" error={errors.channel} />
          <select id={fieldId("channel")} defaultValue={v("channel")} {...register("channel")}>
            <option value="">Choose…</option>
            {OFFLINE_CHANNELS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={`field${errors.receivedAt ? " field--error" : ""}`}>
        <label htmlFor={`${prefix}${fieldId("receivedAt")}`}>Date received</label>
        <FieldError name="receivedAt" error={errors.receivedAt} />
        <input id={`${prefix}${fieldId("receivedAt")}`} type="date" defaultValue={v("receivedAt")} {...register("receivedAt")} />
      </div>
      <div className={`field${errors.attribution ? " field--error" : ""}`}>
        <fieldset id={`${prefix}${fieldId("attribution")}`} tabIndex={-1}>
          <legend>Attribution the organisation asked for</legend>
          <FieldError name="attribution" error={errors.attribution} />
          <div className="choices">
            {ATTRIBUTION_CHOICES.map((c) => (
              <label className="choice" key={c.id}>
                <input type="radio" value={c.id} defaultChecked={v("attribution") === c.id} {...register("attribution")} />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="field">
        <label className="choice">
          <input type="checkbox" value="yes" defaultChecked={v("consent") === "yes"} {...register("consent")} />
          <span>The organisation agreed that its views may be quoted in the published summary</span>
        </label>
      </div>
    </>
  );
}

export default function OfflineResponses() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const record = useValidatedForm(OfflineResponseSchema, actionData?.intent === "record" ? actionData.errors : undefined);
  const table = useValidatedForm(OfflineResponseSchema, actionData?.intent === "import-table" ? actionData.errors : undefined);
  const recordValues = actionData?.intent === "record" ? actionData.values : {};
  const tableValues = actionData?.intent === "import-table" ? actionData.values : {};
  let number = 0;
  if (!d.canEdit) return <p>Only coordinators record responses received outside the platform.</p>;
  return (
    <>
      <p>
        <Link className="back-link" to={`/consultations/${d.consultationId}/rounds/${d.roundId}`}>← {d.roundTitle}</Link>
      </p>
      <h1>Views received outside the platform</h1>
      <p className="lead prose">
        Many States answer by letter, note verbale, email or in a meeting. Record their views here on the organisation's
        behalf: they count everywhere like answers given on the platform.
      </p>

      <h2>Import a comment table</h2>
      <p className="prose">
        An Excel (.xlsx) or CSV file whose first row names the columns <strong>Section</strong>, <strong>Paragraph</strong>,{" "}
        <strong>Comment</strong> and <strong>Proposed change</strong>. You will see a row-by-row report before anything is saved.
      </p>
      <ErrorSummary errors={table.errors} focusKey={[table.submitCount, actionData]} />
      <Form method="post" encType="multipart/form-data" ref={table.formRef} onSubmit={table.onSubmit} noValidate className="prose">
        <MetaFields d={d} errors={table.errors} register={table.register} values={tableValues} fixedChannel="COMMENT_TABLE" />
        <div className={`field${table.errors.file ? " field--error" : ""}`}>
          <label htmlFor="table-file">Comment table</label>
          <FieldError name="file" error={table.errors.file} />
          <input id="table-file" name="file" type="file" accept=".xlsx,.csv" />
        </div>
        <button className="button" type="submit" name="intent" value="import-table">
          Check the table
        </button>
      </Form>

      <h2>Record a response</h2>
      <ErrorSummary errors={record.errors} focusKey={[record.submitCount, actionData]} />
      <Form method="post" encType="multipart/form-data" ref={record.formRef} onSubmit={record.onSubmit} noValidate>
        <div className="prose">
          <MetaFields d={d} errors={record.errors} register={record.register} values={recordValues} />
          <div className={`field${record.errors.file ? " field--error" : ""}`}>
            <label htmlFor="record-file">Original document (optional)</label>
            <span className="hint">The letter or note as received: PDF, Word, an image… up to 20 MB.</span>
            <FieldError name="file" error={record.errors.file} />
            <input id="record-file" name="file" type="file" />
          </div>
        </div>
        {d.sections.map((s) => (
          <section key={s.key} aria-labelledby={`offline-${s.key}`}>
            <h3 id={`offline-${s.key}`}>{s.heading}</h3>
            {s.questions.map((q) => {
              number += 1;
              return (
                <QuestionField
                  key={q.id}
                  question={{ ...q, required: false } as FormQuestion}
                  number={number}
                  value={recordValues[fieldName(q.id)]}
                  error={record.errors[fieldName(q.id)]}
                />
              );
            })}
          </section>
        ))}
        <button className="button" type="submit" name="intent" value="record">
          Record the response
        </button>
      </Form>
    </>
  );
}
