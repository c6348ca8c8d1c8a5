import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ConsultationFields } from "~/components/consultation-fields";
import { ErrorSummary } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { forbidden } from "~/modules/auth/authorization.server";
import { requireUser, type SessionUser } from "~/modules/auth/session.server";
import { createConsultation } from "~/modules/consultation/manage.server";
import { ConsultationSchema } from "~/modules/consultation/schemas";
import { db } from "~/modules/db/client.server";
import { validateForm } from "~/modules/forms/validation";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "New consultation – Consult" }];

/** Admins and coordinators (of any consultation) start consultations. */
async function requireCreator(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.isAdmin) return user;
  const coordinates = await db().consultationMember.count({ where: { userId: user.id, role: "COORDINATOR" } });
  if (coordinates === 0) forbidden("Only coordinators and administrators can start a consultation.");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCreator(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCreator(request);
  const result = validateForm(await readForm(request), ConsultationSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const consultation = await createConsultation(user.id, result.data);
  return redirect(`/consultations/${consultation.id}`);
}

export default function NewConsultation() {
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(ConsultationSchema, actionData?.errors);
  const v = actionData?.values ?? {};
  const list = (x: unknown) => (Array.isArray(x) ? x : typeof x === "string" ? [x] : undefined);
  return (
    <div className="prose">
      <h1>New consultation</h1>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <ConsultationFields
          values={{
            title: typeof v.title === "string" ? v.title : "",
            summary: typeof v.summary === "string" ? v.summary : "",
            languages: list(v.languages) ?? ["en"],
            timeZone: typeof v.timeZone === "string" ? v.timeZone : "Europe/Vienna",
          }}
          errors={form.errors}
          register={form.register}
        />
        <button className="button" type="submit">
          Create the consultation
        </button>
      </Form>
    </div>
  );
}
