/** One organisation: its details and its contacts (add, edit, remove). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId, TextField } from "~/components/forms";
import { OrganisationFields, organisationValues } from "~/components/stakeholder/organisation-fields";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound } from "~/modules/auth/authorization.server";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { addContact, getOrganisation, removeContact, updateContact, updateOrganisation } from "~/modules/stakeholder/organisations.server";
import { CONTACT_ROLES, ContactSchema, OrganisationSchema } from "~/modules/stakeholder/schemas";
import { listTypes } from "~/modules/stakeholder/types.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Organisation"} – Stakeholders – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const organisation = await getOrganisation(params.organisationId!);
  if (!organisation) notFound("No such organisation.");
  const types = await listTypes();
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      shortName: organisation.shortName ?? "",
      typeId: organisation.typeId,
      country: organisation.country ?? "",
      languages: organisation.languages,
      survivorLed: organisation.survivorLed ? "yes" : "no",
    },
    contacts: organisation.contacts.map((c) => ({ id: c.id, contactName: c.user.name, email: c.user.email, language: c.user.language, role: c.role, isFocalPoint: c.isFocalPoint })),
    types: types.map((t) => ({ id: t.id, label: t.label })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const organisationId = params.organisationId!;
  if (!(await getOrganisation(organisationId))) notFound("No such organisation.");
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const here = `/stakeholders/${organisationId}`;

  if (intent === "update") {
    const result = validateForm(form, OrganisationSchema);
    if (!result.ok) return data<ActionResult>({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const saved = await updateOrganisation(user.id, organisationId, result.data);
    if (!saved.ok) return data<ActionResult>({ intent, errors: saved.errors, values: result.values }, { status: 400 });
    return redirect(`${here}?saved=details`);
  }
  if (intent === "add-contact" || intent === "update-contact") {
    const result = validateForm(form, ContactSchema);
    if (!result.ok) return data<ActionResult>({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const saved = intent === "add-contact" ? await addContact(user.id, organisationId, result.data) : await updateContact(user.id, organisationId, result.data);
    if (!saved.ok) return data<ActionResult>({ intent, errors: saved.errors, values: result.values }, { status: 400 });
    return redirect(`${here}?saved=${intent === "add-contact" ? "contact-added" : "contact-updated"}#contacts`);
  }
  if (intent === "remove-contact") {
    await removeContact(user.id, organisationId, String(form.get("contactId") ?? ""));
    return redirect(`${here}?saved=contact-removed#contacts`);
  }
  return data<ActionResult>({ intent, errors: { form: "Unknown action." }, values: {} }, { status: 400 });
}

const SAVED: Record<string, string> = {
  created: "The organisation is added. Now add the people who answer for it.",
  details: "The details are saved.",
  "contact-added": "The contact is added.",
  "contact-updated": "The contact is saved.",
  "contact-removed": "The contact is removed. Their personal invitation links no longer work.",
};

export default function OrganisationPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const editing = d.contacts.find((c) => c.id === search.get("contact"));
  const contactIntent = editing ? "update-contact" : "add-contact";
  const details = useValidatedForm(OrganisationSchema, actionData?.intent === "update" ? actionData.errors : undefined);
  const contact = useValidatedForm(ContactSchema, actionData?.intent === contactIntent ? actionData.errors : undefined);
  const saved = SAVED[search.get("saved") ?? ""];

  const values = actionData?.intent === "update" ? organisationValues(actionData.values) : d.organisation;
  const cv: Record<string, unknown> = actionData?.intent === contactIntent ? actionData.values : (editing ?? { language: "en", role: "CONTRIBUTOR" });
  const str = (x: unknown) => (typeof x === "string" ? x : "");
  const focal = actionData?.intent === contactIntent ? cv.isFocalPoint === "yes" : !!editing?.isFocalPoint;

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/stakeholders">Stakeholders</Link>
          </li>
          <li>{d.organisation.name}</li>
        </ol>
      </nav>
      <h1>{d.organisation.name}</h1>
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {actionData && !["update", "add-contact", "update-contact"].includes(actionData.intent) ? <ErrorSummary errors={actionData.errors} focusKey={actionData} /> : null}

      <h2>Details</h2>
      <ErrorSummary errors={details.errors} focusKey={[details.submitCount, actionData]} />
      <Form method="post" ref={details.formRef} onSubmit={details.onSubmit} noValidate className="prose">
        <OrganisationFields values={values} errors={details.errors} register={details.register} types={d.types} />
        <button className="button" type="submit" name="intent" value="update">
          Save the details
        </button>
      </Form>

      <h2 id="contacts">Contacts</h2>
      {d.contacts.length === 0 ? (
        <p>No contacts yet. Invitations go to an organisation's contacts, so add at least one submitter.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>People who answer for {d.organisation.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Language</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.contactName}
                    {c.isFocalPoint ? <span className="badge stakeholder-focal">Focal point</span> : null}
                  </th>
                  <td>{c.email}</td>
                  <td>{CONSULTATION_LANGUAGES.find((l) => l.id === c.language)?.label ?? c.language}</td>
                  <td>{CONTACT_ROLES.find((r) => r.id === c.role)?.label}</td>
                  <td>
                    <div className="stakeholder-actions">
                      <Link to={`?contact=${c.id}#contact-form`}>
                        Edit<span className="visually-hidden"> {c.contactName}</span>
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="contactId" value={c.id} />
                        <button className="button button--secondary" type="submit" name="intent" value="remove-contact">
                          Remove<span className="visually-hidden"> {c.contactName}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="contact-form">{editing ? `Edit ${editing.contactName}` : "Add a contact"}</h3>
      <ErrorSummary errors={contact.errors} focusKey={[contact.submitCount, actionData]} />
      <Form key={editing?.id ?? "new"} method="post" ref={contact.formRef} onSubmit={contact.onSubmit} noValidate className="prose">
        {editing ? <input type="hidden" name="contactId" value={editing.id} /> : null}
        <TextField name="contactName" label="Name" defaultValue={str(cv.contactName)} error={contact.errors.contactName} autoComplete="off" inputProps={contact.register("contactName")} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          hint={editing ? "A different address makes this contact the person with that address." : "Someone already known by this address is linked, not duplicated."}
          defaultValue={str(cv.email)}
          error={contact.errors.email}
          autoComplete="off"
          inputProps={contact.register("email")}
        />
        <div className={`field${contact.errors.language ? " field--error" : ""}`}>
          <label htmlFor={fieldId("language")}>Language they read</label>
          <FieldError name="language" error={contact.errors.language} />
          <select id={fieldId("language")} defaultValue={str(cv.language)} aria-describedby={contact.errors.language ? `${fieldId("language")}-error` : undefined} {...contact.register("language")}>
            {CONSULTATION_LANGUAGES.map((l) => (
              <option key={l.id} value={l.id} lang={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${contact.errors.role ? " field--error" : ""}`}>
          <fieldset id={fieldId("role")} tabIndex={-1} aria-describedby={contact.errors.role ? `${fieldId("role")}-error` : undefined}>
            <legend>Role in the organisation</legend>
            <FieldError name="role" error={contact.errors.role} />
            <div className="choices">
              {CONTACT_ROLES.map((r) => (
                <label className="choice" key={r.id}>
                  <input type="radio" value={r.id} defaultChecked={str(cv.role) === r.id} {...contact.register("role")} />
                  <span>
                    {r.label}: {r.hint}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="field">
          <label className="choice">
            <input type="checkbox" value="yes" defaultChecked={focal} {...contact.register("isFocalPoint")} />
            <span>Focal point: the organisation's main contact</span>
          </label>
        </div>
        <div className="button-row">
          <button className="button" type="submit" name="intent" value={contactIntent}>
            {editing ? "Save the contact" : "Add the contact"}
          </button>
          {editing ? <Link to={`/stakeholders/${d.organisation.id}#contacts`}>Cancel</Link> : null}
        </div>
      </Form>
    </>
  );
}
