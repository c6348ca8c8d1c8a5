/** Starting a round: a version of the document, dates in a time zone, a reminder schedule. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { RoundFields, roundFieldValues } from "~/components/round/round-fields";
import { useValidatedForm } from "~/components/use-validated-form";
import { forbidden, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { validateForm } from "~/modules/forms/validation";
import { createRound } from "~/modules/round/lifecycle.server";
import { RoundSchema } from "~/modules/round/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "New round – Consult" }];

async function requireCreator(request: Request, consultationId: string) {
  const access = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const consultation = await db().consultation.findUniqueOrThrow({
    where: { id: consultationId },
    include: { versions: { orderBy: { number: "desc" }, select: { id: true, number: true, title: true } }, _count: { select: { rounds: true } } },
  });
  if (consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  return { ...access, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation } = await requireCreator(request, params.consultationId!);
  // "Open the next round on version N" (the compare page) preselects that version.
  const asked = new URL(request.url).searchParams.get("version");
  const versionId = consultation.versions.find((v) => v.id === asked)?.id ?? consultation.versions[0]?.id ?? "";
  return {
    consultationId: consultation.id,
    versions: consultation.versions.map((v) => ({ id: v.id, label: `Version ${v.number}: ${v.title}` })),
    defaults: {
      title: `Round ${consultation._count.rounds + 1}`,
      versionId,
      instructions: "",
      timeZone: consultation.timeZone,
      opensAt: "",
      closesAt: "",
      reminderDays: ["7", "2"],
      maxReminders: "2",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, consultation } = await requireCreator(request, params.consultationId!);
  const result = validateForm(await readForm(request), RoundSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const created = await createRound(user.id, consultation.id, result.data);
  if (!created.ok) return data({ errors: created.errors, values: result.values }, { status: 400 });
  return redirect(`/consultations/${consultation.id}/rounds/${created.roundId}/settings?created=1`);
}

export default function NewRound() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(RoundSchema, actionData?.errors);
  return (
    <div className="prose">
      <h1>New round</h1>
      <p>
        The dates can be set later. A round goes out once it has dates, questions and invited organisations: add the
        questions and choose the audience after creating it.
      </p>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <RoundFields values={roundFieldValues(actionData?.values, d.defaults)} errors={form.errors} register={form.register} versions={d.versions} />
        <div className="button-row">
          <button className="button" type="submit">
            Create the round
          </button>
          <Link to={`/consultations/${d.consultationId}/rounds`}>Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
