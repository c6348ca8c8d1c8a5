/**
 * Importing a draft: a Word or Markdown file, or Markdown pasted in. Nothing is saved as a
 * version here: the draft is split into sections and kept for the preview, where the
 * coordinator checks and edits it before saving. (The file is named import._index so that the
 * preview, import.$importId, is not nested inside this page.)
 */
import { readForm } from "~/modules/forms/read-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { describedBy, ErrorSummary, FieldError, fieldId, Hint } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { DraftImportError, MAX_DRAFT_BYTES, parseMarkdownDraft, readDraftFile, type DraftImport } from "~/modules/document/import.server";
import { DraftUploadSchema } from "~/modules/document/schemas";
import { storeDraftImport } from "~/modules/document/versions.server";
import { readMultipartForm, uploadedFile, UploadTooLargeError } from "~/modules/forms/uploads.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";

export const meta: MetaFunction = () => [{ title: "Import a draft – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: params.consultationId! }, select: { id: true, archivedAt: true } });
  return { consultationId: consultation.id, canEdit: role !== "ANALYST" && !consultation.archivedAt };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const { user } = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { archivedAt: true } });
  if (consultation.archivedAt) {
    return data<ActionResult>({ errors: { form: "This consultation is archived: bring it back from the archive (Settings) to import a draft." }, values: {} }, { status: 409 });
  }
  let form: FormData;
  try {
    // Pasted text may also come as an ordinary form post (no file).
    const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
    form = multipart ? await readMultipartForm(request, MAX_DRAFT_BYTES) : await readForm(request, MAX_DRAFT_BYTES);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return data<ActionResult>({ errors: { file: "The file is larger than 10 MB. Upload a smaller file." }, values: {} }, { status: 400 });
    throw error;
  }
  const result = validateForm(form, DraftUploadSchema);
  if (!result.ok) return data<ActionResult>({ errors: result.errors, values: result.values }, { status: 400 });
  const file = await uploadedFile(form, "file");
  const pasted = result.data.markdown;
  if (file && pasted) {
    return data<ActionResult>({ errors: { file: "Either upload a file or paste the text, not both. Clear the pasted text or leave the file out." }, values: result.values }, { status: 400 });
  }
  if (!file && !pasted) {
    return data<ActionResult>({ errors: { file: "Choose a Word (.docx) or Markdown (.md) file, or paste the text of the draft" }, values: result.values }, { status: 400 });
  }
  let draft: DraftImport;
  try {
    draft = file ? await readDraftFile(file) : parseMarkdownDraft(pasted);
  } catch (error) {
    if (error instanceof DraftImportError) {
      return data<ActionResult>({ errors: { [file ? "file" : "markdown"]: error.message }, values: result.values }, { status: 400 });
    }
    throw error;
  }
  const pending = await storeDraftImport({ actorId: user.id, consultationId, filename: file?.filename ?? "pasted text", draft });
  return redirect(`/consultations/${consultationId}/versions/import/${pending.id}`);
}

export default function ImportDraft() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(DraftUploadSchema, actionData?.errors);
  const pasted = typeof actionData?.values.markdown === "string" ? actionData.values.markdown : "";
  const back = `/consultations/${d.consultationId}/versions`;
  if (!d.canEdit) {
    return (
      <>
        <h1>Import a draft</h1>
        <p>Only the consultation's coordinators import drafts, and not while it is archived.</p>
        <p>
          <Link className="back-link" to={back}>Back to the drafts</Link>
        </p>
      </>
    );
  }
  const markdownHint = "Use # or ## at the start of a line for headings. Raw HTML is shown as text, never as markup.";
  const fileHint = "Word (.docx) or Markdown (.md, .markdown, .txt), up to 10 MB.";
  return (
    <>
      <p>
        <Link className="back-link" to={back}>← Drafts</Link>
      </p>
      <h1>Import a draft</h1>
      <div className="prose">
        <p className="lead">The draft is split into sections at its headings. You will see every section, and can edit it, before anything is saved.</p>
        <ul>
          <li>
            <strong>Word (.docx):</strong> the paragraphs styled <em>Heading 1</em> start the sections (or <em>Heading 2</em>, if there is only one
            Heading 1). A paragraph in the <em>Title</em> style becomes the version's title. Images are left out.
          </li>
          <li>
            <strong>Markdown (.md, .markdown, .txt):</strong> the highest level of heading starts the sections; a single top heading
            above them is taken as the title. Text before the first section becomes an “Introduction” section.
          </li>
        </ul>
      </div>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" encType="multipart/form-data" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
        <div className={`field${form.errors.file ? " field--error" : ""}`}>
          <label htmlFor={fieldId("file")}>Draft file</label>
          <Hint name="file" hint={fileHint} />
          <FieldError name="file" error={form.errors.file} />
          <input
            id={fieldId("file")}
            name="file"
            type="file"
            accept=".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain"
            aria-describedby={describedBy({ name: "file", hint: fileHint, error: form.errors.file })}
            aria-invalid={form.errors.file ? true : undefined}
          />
        </div>
        <div className={`field${form.errors.markdown ? " field--error" : ""}`}>
          <label htmlFor={fieldId("markdown")}>Or paste the draft in Markdown</label>
          <Hint name="markdown" hint={markdownHint} />
          <FieldError name="markdown" error={form.errors.markdown} />
          <textarea
            id={fieldId("markdown")}
            rows={12}
            defaultValue={pasted}
            aria-describedby={describedBy({ name: "markdown", hint: markdownHint, error: form.errors.markdown })}
            aria-invalid={form.errors.markdown ? true : undefined}
            {...form.register("markdown")}
          />
        </div>
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          Check the sections
        </button>
      </Form>
    </>
  );
}
