import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationFields } from "~/components/consultation-fields";
import { ErrorSummary, FieldError, fieldId, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { addMember, removeMember, setArchived, updateConsultation } from "~/modules/consultation/manage.server";
import { ConsultationSchema, MemberSchema } from "~/modules/consultation/schemas";
import { db } from "~/modules/db/client.server";
import { validateForm } from "~/modules/forms/validation";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Settings – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const c = await db().consultation.findUniqueOrThrow({
    where: { id: params.consultationId! },
    include: { members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } } },
  });
  return {
    canEdit: role !== "ANALYST",
    consultation: { title: c.title, summary: c.summary, languages: c.languages, timeZone: c.timeZone, archived: !!c.archivedAt },
    members: c.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const { user } = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const form = await readForm(request);
  const intent = form.get("intent");
  const refused = (problem: string, values: Record<string, string | string[]> = {}) => data({ intent, errors: { form: problem } as Record<string, string>, values }, { status: 409 });
  if (intent === "update") {
    const result = validateForm(form, ConsultationSchema);
    if (!result.ok) return data({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const problem = await updateConsultation(user.id, consultationId, result.data);
    if (problem) return refused(problem, result.values);
    return redirect(`/consultations/${consultationId}/settings?saved=1`);
  }
  if (intent === "add-member") {
    const result = validateForm(form, MemberSchema);
    if (!result.ok) return data({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const problem = await addMember(user.id, consultationId, result.data);
    if (problem) return refused(problem, result.values);
    return redirect(`/consultations/${consultationId}/settings`);
  }
  if (intent === "remove-member") {
    const problem = await removeMember(user.id, consultationId, String(form.get("userId") ?? ""));
    if (problem) return refused(problem);
    return redirect(`/consultations/${consultationId}/settings`);
  }
  if (intent === "archive" || intent === "unarchive") {
    const problem = await setArchived(user.id, consultationId, intent === "archive");
    if (problem) return refused(problem);
    return redirect(`/consultations/${consultationId}/settings`);
  }
  return data({ intent, errors: { form: "Unknown action." }, values: {} as Record<string, string | string[]> }, { status: 400 });
}

export default function Settings() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const details = useValidatedForm(ConsultationSchema, actionData?.intent === "update" ? actionData.errors : undefined);
  const member = useValidatedForm(MemberSchema, actionData?.intent === "add-member" ? actionData.errors : undefined);
  const v = actionData?.intent === "update" ? actionData.values : undefined;
  const mv: Record<string, unknown> = actionData?.intent === "add-member" ? actionData.values : {};
  const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : typeof x === "string" ? [x] : []);
  const str = (x: unknown, fallback = "") => (typeof x === "string" ? x : fallback);
  const canChange = d.canEdit && !d.consultation.archived;
  return (
    <>
      <h1>Settings</h1>
      {actionData?.intent === "remove-member" || actionData?.intent === "archive" || actionData?.intent === "unarchive" ? (
        <ErrorSummary errors={actionData.errors} focusKey={actionData} />
      ) : null}
      {d.consultation.archived ? <p className="notice notice--warning">This consultation is archived: it is read-only. Bring it back from the archive (below) to change it.</p> : null}
      <h2>About this consultation</h2>
      <ErrorSummary errors={details.errors} focusKey={[details.submitCount, actionData]} />
      <Form method="post" ref={details.formRef} onSubmit={details.onSubmit} noValidate className="prose">
        <fieldset disabled={!d.canEdit || d.consultation.archived}>
          <ConsultationFields
            values={{
              title: v ? str(v.title) : d.consultation.title,
              summary: v ? str(v.summary) : d.consultation.summary,
              languages: v ? list(v.languages) : d.consultation.languages,
              timeZone: v ? str(v.timeZone) : d.consultation.timeZone,
            }}
            errors={details.errors}
            register={details.register}
          />
          <button className="button" type="submit" name="intent" value="update">
            Save
          </button>
        </fieldset>
      </Form>

      <h2>Team</h2>
      <div className="table-wrap">
        <table>
          <caption>Coordinators and analysts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {canChange ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {d.members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{m.role === "COORDINATOR" ? "Coordinator" : "Analyst"}</td>
                {canChange ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="userId" value={m.userId} />
                      <button className="button button--secondary" type="submit" name="intent" value="remove-member">
                        Remove<span className="visually-hidden"> {m.name}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canChange ? (
        <>
          <h3>Add a coordinator or analyst</h3>
          <ErrorSummary errors={member.errors} focusKey={[member.submitCount, actionData]} />
          <Form method="post" ref={member.formRef} onSubmit={member.onSubmit} noValidate className="prose">
            <TextField name="email" label="Email address" type="email" autoComplete="off" defaultValue={str(mv.email)} error={member.errors.email} inputProps={member.register("email")} />
            <TextField name="name" label="Name (for a new person)" defaultValue={str(mv.name)} error={member.errors.name} inputProps={member.register("name")} />
            <div className={`field${member.errors.role ? " field--error" : ""}`}>
              <fieldset id={fieldId("role")} tabIndex={-1}>
                <legend>Role</legend>
                <FieldError name="role" error={member.errors.role} />
                <div className="choices">
                  <label className="choice">
                    <input type="radio" value="COORDINATOR" defaultChecked={str(mv.role) === "COORDINATOR"} {...member.register("role")} />
                    <span>Coordinator: runs rounds, invitations and decisions</span>
                  </label>
                  <label className="choice">
                    <input type="radio" value="ANALYST" defaultChecked={str(mv.role, "ANALYST") === "ANALYST"} {...member.register("role")} />
                    <span>Analyst: reads, tags and proposes; no power over rounds or invitations</span>
                  </label>
                </div>
              </fieldset>
            </div>
            <button className="button" type="submit" name="intent" value="add-member">
              Add to the team
            </button>
          </Form>
        </>
      ) : null}
      {d.canEdit ? (
        <>
          <h2>Archive</h2>
          <p className="hint">
            {d.consultation.archived
              ? "Bringing it back makes its drafts, questionnaires, rounds and settings editable again."
              : "An archived consultation is read-only and none of its rounds run: close or unschedule its rounds first."}
          </p>
          <Form method="post">
            {d.consultation.archived ? (
              <button className="button button--secondary" type="submit" name="intent" value="unarchive">
                Bring back from the archive
              </button>
            ) : (
              <button className="button button--danger" type="submit" name="intent" value="archive">
                Archive this consultation
              </button>
            )}
          </Form>
        </>
      ) : null}
    </>
  );
}
