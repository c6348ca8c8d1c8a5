import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorSummary } from "~/components/forms";
import { QuestionFields } from "~/components/questionnaire/question-fields";
import { useValidatedForm } from "~/components/use-validated-form";
import { validateForm } from "~/modules/forms/validation";
import { addQuestion } from "~/modules/questionnaire/builder.server";
import { questionFormContext, questionnaireLock, requireQuestionnaireEditor } from "~/modules/questionnaire/questionnaire.server";
import { questionFormSchema } from "~/modules/questionnaire/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Add a question – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireQuestionnaireEditor(request, params.consultationId!, params.roundId!);
  const section = new URL(request.url).searchParams.get("section") ?? "";
  const base = `/consultations/${round.consultationId}/rounds/${round.id}/questions`;
  return { base, roundTitle: round.title, lock: questionnaireLock(round.status), section, ...(await questionFormContext(round)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireQuestionnaireEditor(request, params.consultationId!, params.roundId!);
  const { translationLanguages } = await questionFormContext(round);
  const result = validateForm(await readForm(request), questionFormSchema(translationLanguages));
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const added = await addQuestion(user.id, round, result.data);
  if (!added.ok) return data({ errors: added.errors, values: result.values }, { status: added.errors.form ? 409 : 400 });
  return redirect(`/consultations/${round.consultationId}/rounds/${round.id}/questions?done=added#q-${added.questionId}`);
}

export default function NewQuestion() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = useMemo(() => questionFormSchema(d.translationLanguages), [d.translationLanguages]);
  const form = useValidatedForm(schema, actionData?.errors);
  return (
    <>
      <p>
        <Link className="back-link" to={d.base}>← Questionnaire</Link>
      </p>
      <h1>Add a question</h1>
      <p className="lead">{d.roundTitle}</p>
      {d.lock ? (
        <div className="notice notice--warning">
          <p>{d.lock}</p>
        </div>
      ) : (
        <>
          <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
          <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
            <QuestionFields
              sections={d.sections}
              translationLanguages={d.translationLanguages}
              values={actionData?.values ?? { sectionId: d.section }}
              errors={form.errors}
              register={form.register}
            />
            <div className="button-row">
              <button className="button" type="submit">
                Add the question
              </button>
              <Link to={d.base}>Cancel</Link>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
