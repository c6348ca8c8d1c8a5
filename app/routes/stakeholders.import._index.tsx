/** Upload a stakeholder CSV. It is only read and checked here; the next page shows the report. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId, Hint } from "~/components/forms";
import { readMultipartForm, uploadedFile, UploadTooLargeError } from "~/modules/forms/uploads.server";
import { formatDateTime } from "~/modules/round/dates";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { StakeholderCsvError } from "~/modules/stakeholder/csv-format.server";
import { recentStakeholderImports, stageStakeholderImport } from "~/modules/stakeholder/csv-import.server";
import { listTypes } from "~/modules/stakeholder/types.server";

export const meta: MetaFunction = () => [{ title: "Import stakeholders – Consult" }];

const MAX_UPLOAD = 5 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const [types, imports] = await Promise.all([listTypes(), recentStakeholderImports()]);
  return {
    types: types.map((t) => ({ key: t.key, label: t.label })),
    imports: imports.map((i) => ({
      id: i.id,
      filename: i.filename,
      createdAt: formatDateTime(i.createdAt, "UTC"),
      state: i.confirmedAt ? "imported" : i.discardedAt ? "discarded" : "waiting for confirmation",
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const fail = (message: string) => data({ errors: { file: message } }, { status: 400 });
  let form: FormData;
  try {
    form = await readMultipartForm(request, MAX_UPLOAD);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return fail(error.message);
    throw error;
  }
  const file = await uploadedFile(form, "file");
  if (!file) return fail("Choose a CSV file to upload");
  try {
    const pending = await stageStakeholderImport(user.id, file);
    return redirect(`/stakeholders/import/${pending.id}`);
  } catch (error) {
    if (error instanceof StakeholderCsvError) return fail(error.message);
    throw error;
  }
}

const COLUMNS: Array<[string, string]> = [
  ["organisation", "Name of the organisation (required). An organisation already in the registry is matched by name."],
  ["short_name", "Acronym, such as HI."],
  ["type", "Type of stakeholder: its key or its name (see below). Required for a new organisation."],
  ["country", "Two-letter ISO 3166 code, such as LA for Lao PDR; empty for international organisations."],
  ["languages", "Languages it works in, separated by semicolons: en;fr. Known: en, fr, es, ar."],
  ["survivor_led", "yes or no."],
  ["contact_name", "The person's name. One row per person; repeat the organisation's details on each row."],
  ["contact_email", "The person's email. Someone already known by this address is updated, never duplicated."],
  ["contact_language", "The language they read: en, fr, es or ar."],
  ["contact_role", "contributor (drafts answers) or submitter (drafts and submits)."],
];

export default function ImportStakeholders() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.errors.file;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/stakeholders">Stakeholders</Link>
          </li>
          <li>Import from CSV</li>
        </ol>
      </nav>
      <h1>Import stakeholders from a CSV file</h1>
      <p className="lead prose">
        Upload a spreadsheet saved as CSV. You will see what each row would do before anything is saved, and you choose whether to import it.
      </p>
      <ErrorSummary errors={actionData?.errors} focusKey={actionData} />
      <Form method="post" encType="multipart/form-data" className="prose">
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor={fieldId("file")}>CSV file</label>
          <Hint name="file" hint="UTF-8 CSV, at most 5 MB. The first row names the columns. The registry's own export is a good starting point." />
          <FieldError name="file" error={error} />
          <input
            id={fieldId("file")}
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${fieldId("file")}-hint`, error ? `${fieldId("file")}-error` : null].filter(Boolean).join(" ")}
          />
        </div>
        <button className="button" type="submit">
          Upload and check
        </button>
      </Form>

      <h2>Columns</h2>
      <p className="prose">
        For an organisation or person already in the registry, an empty cell keeps what is there. <a href="/stakeholders/export.csv">Download the registry as CSV</a> to see the format.
      </p>
      <div className="table-wrap">
        <table>
          <caption>Columns of the file</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">What it holds</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map(([name, help]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>{help}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Types of stakeholder</h3>
      {d.types.length === 0 ? (
        <p>
          There are no types yet: <Link to="/stakeholders/types">set them up</Link> before importing.
        </p>
      ) : (
        <ul>
          {d.types.map((t) => (
            <li key={t.key}>
              <code>{t.key}</code>: {t.label}
            </li>
          ))}
        </ul>
      )}

      {d.imports.length > 0 ? (
        <>
          <h2>Recent imports</h2>
          <ul>
            {d.imports.map((i) => (
              <li key={i.id}>
                <Link to={`/stakeholders/import/${i.id}`}>{i.filename}</Link> <span className="muted">· {i.createdAt} · {i.state}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
