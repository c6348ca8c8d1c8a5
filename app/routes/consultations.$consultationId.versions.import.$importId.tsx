/**
 * The preview of an imported draft: every section as it will read, with its heading and text
 * editable, the key it will get (and the section of the previous version it continues), and
 * the version's title and note. Nothing is saved until "Save as version N".
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { describedBy, ErrorSummary, FieldError, fieldId, Hint, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import type { ImportedSection } from "~/modules/document/import.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { previewSchema } from "~/modules/document/schemas";
import { createVersionFromImport, discardDraftImport, loadDraftImport, previewKeys, updateDraftImport, VersionChangeError } from "~/modules/document/versions.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Check the sections – Consult" }];

async function load(request: Request, params: { consultationId?: string; importId?: string }, options?: { allowAnalyst: boolean }) {
  const access = await requireConsultationAccess(request, params.consultationId!, options);
  const pending = await loadDraftImport(params.consultationId!, params.importId!);
  if (!pending) notFound("No such import.");
  return { ...access, pending: pending! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pending, role } = await load(request, params);
  const consultationId = params.consultationId!;
  if (pending.confirmedAt && pending.payload.createdVersionId) {
    throw redirect(`/consultations/${consultationId}/versions/${pending.payload.createdVersionId}`);
  }
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { archivedAt: true } });
  const { sections, title, note, warnings, source } = pending.payload;
  const { nextNumber, previousNumber, keys } = await previewKeys(consultationId, sections);
  return {
    consultationId,
    importId: pending.id,
    canEdit: role !== "ANALYST" && !consultation.archivedAt,
    discarded: !!pending.discardedAt,
    filename: pending.filename,
    source,
    title: title ?? pending.filename.replace(/\.[a-z]+$/i, ""),
    note: note ?? "",
    warnings,
    nextNumber,
    previousNumber,
    sections: sections.map((s, i) => ({ ...s, html: renderMarkdown(s.body, { anchorPrefix: `s${i + 1}-p` }), key: keys[i]!.key, continues: keys[i]!.continues })),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { pending, user } = await load(request, params, { allowAnalyst: false });
  const consultationId = params.consultationId!;
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/consultations/${consultationId}/versions/import/${pending.id}`;
  if (intent === "discard") {
    await discardDraftImport(pending.id);
    return redirect(`/consultations/${consultationId}/versions?discarded=1`);
  }
  const count = pending.payload.sections.length;
  const result = validateForm(form, previewSchema(count));
  if (!result.ok) return data<ActionResult>({ errors: result.errors, values: result.values }, { status: 400 });
  const values = result.data as Record<string, string>;
  const sections: ImportedSection[] = Array.from({ length: count }, (_, i) => ({ heading: values[`heading-${i}`]!, body: values[`body-${i}`]! }));
  if (intent === "update") {
    await updateDraftImport(pending.id, { title: values.title!, note: values.note!, sections });
    return redirect(`${here}?updated=1`);
  }
  try {
    const { versionId } = await createVersionFromImport({ actorId: user.id, consultationId, importId: pending.id, title: values.title!, note: values.note!, sections });
    return redirect(`/consultations/${consultationId}/versions/${versionId}?created=1`);
  } catch (error) {
    if (error instanceof VersionChangeError) return data<ActionResult>({ errors: { form: error.message }, values: result.values }, { status: 409 });
    throw error;
  }
}

export default function DraftPreview() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [search] = useSearchParams();
  const schema = useMemo(() => previewSchema(d.sections.length), [d.sections.length]);
  const form = useValidatedForm(schema, actionData?.errors);
  const typed = actionData?.values ?? {};
  const value = (name: string, fallback: string) => (typeof typed[name] === "string" ? (typed[name] as string) : fallback);
  const back = `/consultations/${d.consultationId}/versions`;
  const noteHint = "What this version is, for the team: “Zero draft for the first round”.";

  if (d.discarded) {
    return (
      <>
        <h1>Import discarded</h1>
        <p>This import was discarded; nothing was saved.</p>
        <p>
          <Link className="back-link" to={`${back}/import`}>Import a draft</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link className="back-link" to={`${back}/import`}>← Import another file</Link>
      </p>
      <h1>Check the sections</h1>
      <p className="muted">
        {d.filename} · {d.source === "docx" ? "Word document" : "Markdown"} · {d.sections.length} section{d.sections.length === 1 ? "" : "s"}
      </p>
      <div className="notice">
        <p>
          Nothing is saved yet. Check each section, correct headings or text if needed, then save the draft as version {d.nextNumber}.
          {d.previousNumber
            ? ` Sections whose heading matches a section of version ${d.previousNumber} keep its key, so answers and redlines follow them.`
            : null}
        </p>
      </div>
      {search.get("updated") && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>The preview shows your changes. They are kept with this import; nothing is saved as a version yet.</p>
        </div>
      ) : null}
      {d.warnings.length > 0 ? (
        <div className="notice notice--warning">
          <h2 className="flush">Please check</h2>
          <ul>
            {d.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <fieldset disabled={!d.canEdit} className="prose">
          <legend className="visually-hidden">The version</legend>
          <TextField name="title" label="Title of the version" defaultValue={value("title", d.title)} error={form.errors.title} inputProps={form.register("title")} />
          <div className={`field${form.errors.note ? " field--error" : ""}`}>
            <label htmlFor={fieldId("note")}>Note (optional)</label>
            <Hint name="note" hint={noteHint} />
            <FieldError name="note" error={form.errors.note} />
            <textarea
              id={fieldId("note")}
              rows={3}
              defaultValue={value("note", d.note)}
              aria-describedby={describedBy({ name: "note", hint: noteHint, error: form.errors.note })}
              {...form.register("note")}
            />
          </div>
        </fieldset>
        <ol className="draft-sections">
          {d.sections.map((s, i) => {
            const headingName = `heading-${i}`;
            const bodyName = `body-${i}`;
            return (
              <li key={i}>
                <section aria-labelledby={`preview-${i}`} className="draft-section">
                  <h2 id={`preview-${i}`}>{s.heading}</h2>
                  <p className="muted">
                    Key <code>{s.key}</code> ·{" "}
                    {s.continues ? `continues “${s.continues}” from version ${d.previousNumber}` : "new section"}
                  </p>
                  {s.body ? <div className="draft-text prose" dangerouslySetInnerHTML={{ __html: s.html }} /> : <p className="muted">No text under this heading.</p>}
                  <fieldset disabled={!d.canEdit} className="prose">
                    <legend className="visually-hidden">Edit section {i + 1}</legend>
                    <TextField
                      name={headingName}
                      label={`Heading of section ${i + 1}`}
                      defaultValue={value(headingName, s.heading)}
                      error={form.errors[headingName]}
                      inputProps={form.register(headingName)}
                    />
                    <details open={!!form.errors[bodyName]}>
                      <summary>Edit the text of section {i + 1}</summary>
                      <div className={`field${form.errors[bodyName] ? " field--error" : ""}`}>
                        <label htmlFor={fieldId(bodyName)}>Text of section {i + 1} (Markdown)</label>
                        <FieldError name={bodyName} error={form.errors[bodyName]} />
                        <textarea
                          id={fieldId(bodyName)}
                          rows={10}
                          defaultValue={value(bodyName, s.body)}
                          aria-describedby={describedBy({ name: bodyName, error: form.errors[bodyName] })}
                          {...form.register(bodyName)}
                        />
                      </div>
                    </details>
                  </fieldset>
                </section>
              </li>
            );
          })}
        </ol>
        {d.canEdit ? (
          <div className="button-row">
            <button className="button" type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
              Save as version {d.nextNumber}
            </button>
            <button className="button button--secondary" type="submit" name="intent" value="update">
              Update the preview
            </button>
          </div>
        ) : null}
      </Form>
      {d.canEdit ? (
        <Form method="post">
          <button className="button button--danger" type="submit" name="intent" value="discard">
            Discard this import
          </button>
        </Form>
      ) : null}
    </>
  );
}
