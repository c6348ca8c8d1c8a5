import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { OrganisationFields, organisationValues } from "~/components/stakeholder/organisation-fields";
import { useValidatedForm } from "~/components/use-validated-form";
import { validateForm } from "~/modules/forms/validation";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { createOrganisation } from "~/modules/stakeholder/organisations.server";
import { OrganisationSchema } from "~/modules/stakeholder/schemas";
import { listTypes } from "~/modules/stakeholder/types.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Add an organisation – Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return { types: (await listTypes()).map((t) => ({ id: t.id, label: t.label })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const result = validateForm(await readForm(request), OrganisationSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const created = await createOrganisation(user.id, result.data);
  if (!created.ok) return data({ errors: created.errors, values: result.values }, { status: 400 });
  return redirect(`/stakeholders/${created.id}?saved=created`);
}

export default function NewOrganisation() {
  const { types } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(OrganisationSchema, actionData?.errors);
  const values = actionData ? organisationValues(actionData.values) : { name: "", shortName: "", typeId: "", country: "", languages: ["en"], survivorLed: "no" };
  return (
    <div className="prose">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/stakeholders">Stakeholders</Link>
          </li>
          <li>Add an organisation</li>
        </ol>
      </nav>
      <h1>Add an organisation</h1>
      {types.length === 0 ? (
        <p className="notice notice--warning">
          There are no types of stakeholder yet. <Link to="/stakeholders/types">Set up the types</Link> first.
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <OrganisationFields values={values} errors={form.errors} register={form.register} types={types} />
        <button className="button" type="submit">
          Add the organisation
        </button>
      </Form>
    </div>
  );
}
