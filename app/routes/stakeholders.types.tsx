/** The configurable list of stakeholder types: add, rename (with translations), reorder, delete when unused. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { StakeholderTypeSchema } from "~/modules/stakeholder/schemas";
import { addDefaultTypes, addType, deleteType, listTypes, moveType, updateType } from "~/modules/stakeholder/types.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Types of stakeholder – Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return { types: await listTypes() };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const typeId = String(form.get("typeId") ?? "");
  if (intent === "add" || intent === "update") {
    const result = validateForm(form, StakeholderTypeSchema);
    if (!result.ok) return data<ActionResult>({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const saved = intent === "add" ? await addType(user.id, result.data) : await updateType(user.id, typeId, result.data);
    if (!saved.ok) return data<ActionResult>({ intent, errors: saved.errors, values: result.values }, { status: 400 });
    return redirect(`/stakeholders/types?saved=${intent}`);
  }
  if (intent === "move-up" || intent === "move-down") {
    await moveType(user.id, typeId, intent === "move-up" ? "up" : "down");
    return redirect("/stakeholders/types");
  }
  if (intent === "delete") {
    const deleted = await deleteType(user.id, typeId);
    if (!deleted.ok) return data<ActionResult>({ intent, errors: deleted.errors, values: {} }, { status: 409 });
    return redirect("/stakeholders/types?saved=delete");
  }
  if (intent === "add-defaults") {
    await addDefaultTypes(user.id);
    return redirect("/stakeholders/types?saved=defaults");
  }
  return data<ActionResult>({ intent, errors: { form: "Unknown action." }, values: {} }, { status: 400 });
}

const SAVED: Record<string, string> = {
  add: "The type is added.",
  update: "The type is saved.",
  delete: "The type is deleted.",
  defaults: "The default types are added.",
};

export default function StakeholderTypes() {
  const { types } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const editing = types.find((t) => t.id === search.get("edit"));
  const formIntent = editing ? "update" : "add";
  const form = useValidatedForm(StakeholderTypeSchema, actionData?.intent === formIntent ? actionData.errors : undefined);
  const saved = SAVED[search.get("saved") ?? ""];
  const v: Record<string, unknown> =
    actionData?.intent === formIntent
      ? actionData.values
      : editing
        ? { label: editing.label, label_fr: editing.translations.fr, label_es: editing.translations.es, label_ar: editing.translations.ar }
        : {};
  const str = (x: unknown) => (typeof x === "string" ? x : "");

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/stakeholders">Stakeholders</Link>
          </li>
          <li>Types of stakeholder</li>
        </ol>
      </nav>
      <h1>Types of stakeholder</h1>
      <p className="lead">Every organisation has one type. Rounds choose their audience by type, and results are broken down by type, in this order.</p>
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {actionData && actionData.intent !== formIntent ? <ErrorSummary errors={actionData.errors} focusKey={actionData} /> : null}

      {types.length === 0 ? (
        <Form method="post" className="notice">
          <p>There are no types yet. Start from the usual list (affected State Party, other State Party, observer State, survivor organisation, civil society, international organisation, convention body) and adjust it?</p>
          <button className="button" type="submit" name="intent" value="add-defaults">
            Add the default types
          </button>
        </Form>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Types, in the order they are shown</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Translations</th>
                <th scope="col" className="num">
                  Organisations
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {types.map((t, i) => (
                <tr key={t.id}>
                  <th scope="row">{t.label}</th>
                  <td>
                    <code>{t.key}</code>
                  </td>
                  <td>
                    {(["fr", "es", "ar"] as const)
                      .filter((l) => t.translations[l])
                      .map((l) => (
                        <span key={l} lang={l} className="stakeholder-translation">
                          {t.translations[l]}
                        </span>
                      ))}
                  </td>
                  <td className="num">{t.organisations}</td>
                  <td>
                    <Form method="post" className="stakeholder-actions">
                      <input type="hidden" name="typeId" value={t.id} />
                      <Link to={`?edit=${t.id}#type-form`}>
                        Edit<span className="visually-hidden"> {t.label}</span>
                      </Link>
                      {i > 0 ? (
                        <button className="button button--secondary" type="submit" name="intent" value="move-up">
                          Up<span className="visually-hidden">: move {t.label} up</span>
                        </button>
                      ) : null}
                      {i < types.length - 1 ? (
                        <button className="button button--secondary" type="submit" name="intent" value="move-down">
                          Down<span className="visually-hidden">: move {t.label} down</span>
                        </button>
                      ) : null}
                      {t.organisations === 0 ? (
                        <button className="button button--secondary" type="submit" name="intent" value="delete">
                          Delete<span className="visually-hidden"> {t.label}</span>
                        </button>
                      ) : null}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="type-form">{editing ? `Rename “${editing.label}”` : "Add a type"}</h2>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form key={editing?.id ?? "new"} method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
        {editing ? <input type="hidden" name="typeId" value={editing.id} /> : null}
        <TextField name="label" label="Name" defaultValue={str(v.label)} error={form.errors.label} inputProps={form.register("label")} />
        {editing ? (
          <p className="hint">
            Key: <code>{editing.key}</code> (used in rounds' audiences and in CSV files; it does not change).
          </p>
        ) : (
          <TextField
            name="key"
            label="Key (optional)"
            hint="A short code for CSV files, such as survivor-org. Made from the name if left empty; it cannot change later."
            defaultValue={str(v.key)}
            error={form.errors.key}
            inputProps={form.register("key")}
          />
        )}
        <TextField name="label_fr" label="Name in French (optional)" defaultValue={str(v.label_fr)} error={form.errors.label_fr} inputProps={{ ...form.register("label_fr"), lang: "fr" }} />
        <TextField name="label_es" label="Name in Spanish (optional)" defaultValue={str(v.label_es)} error={form.errors.label_es} inputProps={{ ...form.register("label_es"), lang: "es" }} />
        <TextField name="label_ar" label="Name in Arabic (optional)" defaultValue={str(v.label_ar)} error={form.errors.label_ar} inputProps={{ ...form.register("label_ar"), lang: "ar", dir: "rtl" }} />
        <div className="button-row">
          <button className="button" type="submit" name="intent" value={formIntent}>
            {editing ? "Save the type" : "Add the type"}
          </button>
          {editing ? <Link to="/stakeholders/types">Cancel</Link> : null}
        </div>
      </Form>
    </>
  );
}
