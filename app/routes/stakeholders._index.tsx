/** The stakeholder registry: every organisation, filtered with a plain GET form. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterForm, SearchFilter, SelectFilter } from "~/components/filter-form";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { COUNTRIES, countryName } from "~/modules/stakeholder/countries";
import { filtersFrom, listOrganisations } from "~/modules/stakeholder/organisations.server";
import { listTypes } from "~/modules/stakeholder/types.server";

export const meta: MetaFunction = () => [{ title: "Stakeholders – Consult" }];

const languageLabel = new Map<string, string>(CONSULTATION_LANGUAGES.map((l) => [l.id, l.label]));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const [organisations, types] = await Promise.all([listOrganisations(filters), listTypes()]);
  return {
    filters,
    query: url.search,
    types: types.map((t) => ({ key: t.key, label: t.label })),
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.shortName,
      type: o.type.label,
      country: countryName(o.country),
      languages: o.languages.map((l) => languageLabel.get(l) ?? l).join(", "),
      survivorLed: o.survivorLed,
      contacts: o._count.contacts,
    })),
  };
}

export default function Stakeholders() {
  const d = useLoaderData<typeof loader>();
  const filtered = d.filters.q || d.filters.type || d.filters.country || d.filters.survivorLed;
  return (
    <>
      <h1>Stakeholders</h1>
      <p className="lead">Organisations that can be invited to any consultation, and the people who answer for them.</p>
      <div className="button-row">
        <Link className="button" to="/stakeholders/new">
          Add an organisation
        </Link>
        <Link className="button button--secondary" to="/stakeholders/import">
          Import from CSV
        </Link>
        <a className="button button--secondary" href={`/stakeholders/export.csv${d.query}`} download>
          Export {filtered ? "these" : "all"} as CSV
        </a>
        <Link to="/stakeholders/types">Types of stakeholder</Link>
      </div>

      <FilterForm label="Filter organisations" search submit="Filter" clearTo={filtered ? "/stakeholders" : undefined}>
        <SearchFilter label="Name" value={d.filters.q} />
        <SelectFilter name="type" label="Type" any="All types" value={d.filters.type} options={d.types.map((t) => ({ value: t.key, label: t.label }))} />
        <SelectFilter name="country" label="Country" any="All countries" value={d.filters.country} options={COUNTRIES.map((c) => ({ value: c.code, label: c.name }))} />
        <SelectFilter
          name="survivorLed"
          id="filter-survivor-led"
          label="Survivor-led"
          any="Either"
          value={d.filters.survivorLed}
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
        />
      </FilterForm>

      <div className="table-wrap">
        <table>
          <caption>
            {d.organisations.length} organisation{d.organisations.length === 1 ? "" : "s"}
            {filtered ? " matching the filters" : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Type</th>
              <th scope="col">Country</th>
              <th scope="col">Languages</th>
              <th scope="col">Survivor-led</th>
              <th scope="col" className="num">
                Contacts
              </th>
            </tr>
          </thead>
          <tbody>
            {d.organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/stakeholders/${o.id}`}>{o.name}</Link>
                  {o.shortName && o.shortName !== o.name ? <span className="muted"> ({o.shortName})</span> : null}
                </th>
                <td>{o.type}</td>
                <td>{o.country || <span className="muted">International</span>}</td>
                <td>{o.languages}</td>
                <td>{o.survivorLed ? "Yes" : "No"}</td>
                <td className="num">{o.contacts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.organisations.length === 0 ? <p>{filtered ? "No organisation matches these filters." : "No organisations yet: add one or import a CSV file."}</p> : null}
    </>
  );
}
