/** The row-by-row report of a stakeholder CSV; nothing is saved until the coordinator confirms. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { notFound } from "~/modules/auth/authorization.server";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { confirmStakeholderImport, discardStakeholderImport, findStakeholderImport } from "~/modules/stakeholder/csv-import.server";
import { countsOf } from "~/modules/stakeholder/import-plan.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Check the stakeholder import – Consult" }];

async function load(request: Request, importId: string) {
  const user = await requireCoordinator(request);
  const pending = await findStakeholderImport(importId);
  if (!pending) notFound("No such import.");
  return { user, pending };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pending } = await load(request, params.importId!);
  const { rows, ignoredColumns, result } = pending.payload;
  return {
    filename: pending.filename,
    state: pending.confirmedAt ? "confirmed" : pending.discardedAt ? "discarded" : "pending",
    counts: countsOf(rows),
    ignoredColumns,
    result: result ?? null,
    rows: rows.map((r) => ({
      row: r.row,
      organisation: r.cells.organisation,
      contact: r.cells.contact_name,
      email: r.cells.contact_email,
      status: r.status,
      details: r.status === "error" ? r.problems : r.changes,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, pending } = await load(request, params.importId!);
  const intent = (await readForm(request)).get("intent");
  if (intent === "discard") {
    await discardStakeholderImport(pending.id);
    return redirect("/stakeholders/import");
  }
  if (intent === "confirm") await confirmStakeholderImport(user.id, pending.id);
  return redirect(`/stakeholders/import/${pending.id}`);
}

const STATUS_LABEL = { new: "New", update: "Update", unchanged: "No change", error: "Error" } as const;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default function StakeholderImportPreview() {
  const d = useLoaderData<typeof loader>();
  const toImport = d.counts.new + d.counts.update;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/stakeholders">Stakeholders</Link>
          </li>
          <li>
            <Link to="/stakeholders/import">Import from CSV</Link>
          </li>
          <li>{d.filename}</li>
        </ol>
      </nav>
      <h1>{d.state === "confirmed" ? "Stakeholders imported" : "Check the import"}</h1>
      <p className="muted">{d.filename}</p>

      {d.state === "confirmed" && d.result ? (
        <div className="notice notice--success" role="status">
          <p>
            Imported: {plural(d.result.organisationsCreated, "new organisation")}, {plural(d.result.organisationsUpdated, "organisation")} updated,{" "}
            {plural(d.result.peopleCreated, "new person", "new people")}, {plural(d.result.peopleUpdated, "person", "people")} updated,{" "}
            {plural(d.result.contactsCreated, "new contact")}, {plural(d.result.contactsUpdated, "contact")} updated.
            {d.counts.error ? ` ${plural(d.counts.error, "row")} with errors ${d.counts.error === 1 ? "was" : "were"} left out.` : ""}
          </p>
          <p>
            <Link to="/stakeholders">See the registry</Link>
          </p>
        </div>
      ) : d.state === "discarded" ? (
        <div className="notice">
          <p>This import was discarded; nothing was saved.</p>
        </div>
      ) : (
        <div className={`notice${d.counts.error ? " notice--warning" : ""}`}>
          <p>Nothing is saved until you confirm.</p>
        </div>
      )}

      <ul className="stats" aria-label="Rows by result">
        <li>
          <strong>{d.counts.new}</strong> new
        </li>
        <li>
          <strong>{d.counts.update}</strong> to update
        </li>
        <li>
          <strong>{d.counts.unchanged}</strong> no change
        </li>
        <li>
          <strong>{d.counts.error}</strong> with errors
        </li>
      </ul>
      {d.counts.error && d.state === "pending" ? (
        <p className="prose">Rows with errors will be left out. To include them, fix the file and upload it again; rows already imported then show as “no change”.</p>
      ) : null}
      {d.ignoredColumns.length ? <p className="prose">Columns not used: {d.ignoredColumns.join(", ")}.</p> : null}

      {d.state === "pending" ? (
        <Form method="post" className="button-row">
          {toImport > 0 ? (
            <button className="button" type="submit" name="intent" value="confirm">
              Import {plural(toImport, "row")}
            </button>
          ) : (
            <p className="flush">Nothing to import: every good row matches the registry already.</p>
          )}
          <button className="button button--secondary" type="submit" name="intent" value="discard">
            Discard
          </button>
        </Form>
      ) : null}

      <div className="table-wrap">
        <table>
          <caption>Every row of the file</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Organisation</th>
              <th scope="col">Contact</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row" className="num">
                  {r.row}
                </th>
                <td>{r.organisation}</td>
                <td>
                  {r.contact}
                  {r.email ? <span className="stakeholder-email">{r.email}</span> : null}
                </td>
                <td>
                  <span className={`badge stakeholder-status--${r.status}`}>{STATUS_LABEL[r.status]}</span>
                </td>
                <td>
                  {r.details.length ? (
                    <ul className={`stakeholder-details${r.status === "error" ? " error-message" : ""}`}>
                      {r.details.map((detail) => (
                        <li key={detail}>{detail}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
