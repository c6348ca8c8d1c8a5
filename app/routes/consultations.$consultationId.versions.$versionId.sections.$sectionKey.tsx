/**
 * Editing one section of a version that no round uses yet: heading, Markdown text and tags.
 * A locked version refuses, keeps what was typed and offers to create the next version with
 * the change applied there. A save over someone else's newer change is refused too (the
 * baseline), with both texts on the page.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { describedBy, ErrorSummary, FieldError, fieldId, Hint, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { SectionEditSchema } from "~/modules/document/schemas";
import { createVersionFrom, editSection, loadVersion, sectionBaseline, VersionChangeError, type VersionChangeReason } from "~/modules/document/versions.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Edit “${data.section.heading}”` : "Edit a section"} – Consult` }];

async function load(request: Request, params: { consultationId?: string; versionId?: string; sectionKey?: string }, allowAnalyst = true) {
  const access = await requireConsultationAccess(request, params.consultationId!, { allowAnalyst });
  const version = await loadVersion(params.consultationId!, params.versionId!);
  const section = version?.sections.find((s) => s.key === params.sectionKey);
  if (!version || !section) notFound("No such section.");
  return { ...access, version: version!, section: section! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { version, section, role } = await load(request, params);
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: version.consultationId }, select: { archivedAt: true } });
  const isCoordinator = role !== "ANALYST" && !consultation.archivedAt;
  return {
    consultationId: version.consultationId,
    versionId: version.id,
    number: version.number,
    locked: version.locked,
    rounds: version.rounds.map((r) => r.title),
    canEdit: isCoordinator && !version.locked,
    canCreate: isCoordinator,
    section: { key: section.key, heading: section.heading, body: section.body, tags: section.tags, html: renderMarkdown(section.body) },
    baseline: sectionBaseline(section),
  };
}

type ActionResult = { reason?: VersionChangeReason; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { version, section, user } = await load(request, params, false);
  const consultationId = version.consultationId;
  const versions = `/consultations/${consultationId}/versions`;
  const form = await readForm(request);
  const result = validateForm(form, SectionEditSchema);
  try {
    if (form.get("intent") === "new-version") {
      // The next version, with the typed change (if any) applied to this section there.
      const made = await createVersionFrom({ actorId: user.id, consultationId, fromVersionId: version.id });
      const applied = result.ok && form.has("body");
      if (applied) await editSection(user.id, consultationId, made.versionId, section.key, result.data);
      return redirect(`${versions}/${made.versionId}/sections/${section.key}?from=${version.number}${applied ? "&applied=1" : ""}`);
    }
    if (!result.ok) return data<ActionResult>({ errors: result.errors, values: result.values }, { status: 400 });
    await editSection(user.id, consultationId, version.id, section.key, result.data);
    return redirect(`${versions}/${version.id}?edited=1#section-${section.key}`);
  } catch (error) {
    if (error instanceof VersionChangeError) {
      return data<ActionResult>({ reason: error.reason, errors: { form: error.message }, values: result.values }, { status: error.reason === "not-found" ? 404 : 409 });
    }
    throw error;
  }
}

export default function EditSection() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const form = useValidatedForm(SectionEditSchema, actionData?.errors);
  const typed = actionData?.values ?? {};
  const value = (name: string, fallback: string) => (typeof typed[name] === "string" ? (typed[name] as string) : fallback);
  const versionUrl = `/consultations/${d.consultationId}/versions/${d.versionId}`;
  const hasTyped = typeof typed.body === "string";
  const bodyHint = "Markdown: a blank line between paragraphs, ## for a sub-heading, - for a list, **bold**, [link text](https://…).";
  const tagsHint = "Separated by commas, for example action-plan items: LAP 32, LAP 33.";
  const showForm = d.canEdit || (d.canCreate && hasTyped);
  return (
    <>
      <p>
        <Link className="back-link" to={`${versionUrl}#section-${d.section.key}`}>← Version {d.number}</Link>
      </p>
      <h1>Edit “{d.section.heading}”</h1>
      <p className="muted">
        Version {d.number} · key <code>{d.section.key}</code> (the key stays the same when the heading changes)
      </p>
      {search.get("from") ? (
        <div className="notice notice--success" role="status">
          <p>
            Version {d.number} was created from version {search.get("from")}
            {search.get("applied") ? ", with your changes to this section." : ". Edit the section here."}
          </p>
        </div>
      ) : null}
      {actionData?.errors.form ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.errors.form}</p>
        </div>
      ) : null}
      {d.locked ? (
        <div className="notice notice--warning">
          <p>
            Version {d.number} {d.rounds.length ? `is used by ${d.rounds.join(", ")}` : "is locked"}, so its sections can no longer change.{" "}
            {d.canCreate ? `Create a new version from it${hasTyped ? ": your changes below are kept and applied there" : " and edit the section there"}.` : null}
          </p>
          {d.canCreate && !hasTyped ? (
            <Form method="post">
              <button className="button" type="submit" name="intent" value="new-version">
                Create a new version and edit this section there
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {actionData?.reason === "changed" || !showForm ? (
        <section aria-labelledby="saved-text" className="prose">
          <h2 id="saved-text">{actionData?.reason === "changed" ? "The text as saved now" : "Text"}</h2>
          <div className="draft-text" dangerouslySetInnerHTML={{ __html: d.section.html }} />
        </section>
      ) : null}

      {showForm ? (
        <>
          <ErrorSummary errors={Object.fromEntries(Object.entries(form.errors).filter(([k]) => k !== "form"))} focusKey={[form.submitCount, actionData]} />
          <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
            <input type="hidden" name="baseline" value={d.baseline} />
            <TextField
              name="heading"
              label="Heading"
              defaultValue={value("heading", d.section.heading)}
              error={form.errors.heading}
              inputProps={{ ...form.register("heading"), readOnly: d.locked }}
            />
            <div className={`field${form.errors.body ? " field--error" : ""}`}>
              <label htmlFor={fieldId("body")}>Text</label>
              <Hint name="body" hint={bodyHint} />
              <FieldError name="body" error={form.errors.body} />
              <textarea
                id={fieldId("body")}
                rows={18}
                readOnly={d.locked}
                defaultValue={value("body", d.section.body)}
                aria-describedby={describedBy({ name: "body", hint: bodyHint, error: form.errors.body })}
                aria-invalid={form.errors.body ? true : undefined}
                {...form.register("body")}
              />
            </div>
            <TextField
              name="tags"
              label="Tags (optional)"
              hint={tagsHint}
              defaultValue={value("tags", d.section.tags.join(", "))}
              error={form.errors.tags}
              inputProps={{ ...form.register("tags"), readOnly: d.locked }}
            />
            <div className="button-row">
              {d.locked ? (
                <button className="button" type="submit" name="intent" value="new-version">
                  Create a new version with these changes
                </button>
              ) : (
                <button className="button" type="submit" name="intent" value="save">
                  Save the section
                </button>
              )}
              <Link className="back-link" to={`${versionUrl}#section-${d.section.key}`}>Cancel</Link>
            </div>
          </Form>
        </>
      ) : null}
    </>
  );
}
