/**
 * The filter forms of lists and results (stakeholders, written answers, results, the round's
 * organisations, the outbox): a GET form,
 * so the filter lives in the URL (bookmarkable, works without JavaScript), with its fields and
 * the buttons to apply and clear it. Field names are the query parameters the loaders read.
 * Filtering is never a page's main action: its button is a secondary one.
 */
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";

export function FilterForm({
  label,
  heading = false,
  search = false,
  className = "filters",
  keep = {},
  submit,
  clearTo,
  children,
}: {
  /** The form's name for assistive technology; shown as its heading when `heading`. */
  label: string;
  heading?: boolean;
  /** A search landmark (the form is how the page's list is searched). */
  search?: boolean;
  className?: string;
  /** Query parameters the form keeps as they are (e.g. the section shown). */
  keep?: Record<string, string>;
  submit: string;
  /** Where "Clear filters" leads; no link when omitted (nothing to clear). */
  clearTo?: string;
  children: ReactNode;
}) {
  const headingId = "filters-heading";
  return (
    <Form
      method="get"
      className={className}
      role={search ? "search" : undefined}
      aria-label={heading ? undefined : label}
      aria-labelledby={heading ? headingId : undefined}
    >
      {heading ? <h2 id={headingId}>{label}</h2> : null}
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="button-row">
        <button className="button button--secondary" type="submit">
          {submit}
        </button>
        {clearTo !== undefined ? <Link to={clearTo}>Clear filters</Link> : null}
      </div>
    </Form>
  );
}

/** A one-value filter as a select: the first option (value "") means no filter. */
export function SelectFilter({
  name,
  id = `filter-${name}`,
  label,
  any,
  value,
  options,
}: {
  name: string;
  id?: string;
  label: string;
  /** The label of the empty choice, e.g. "Any country". */
  any: string;
  value: string | null | undefined;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A free-text filter (parameter `q` unless named otherwise). */
export function SearchFilter({ name = "q", label, value, hint }: { name?: string; label: string; value: string | null | undefined; hint?: string }) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input id={id} name={name} type="search" defaultValue={value ?? ""} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  );
}

/** The filter values a page ignored (unknown type, country...), each named, so a mistyped link explains itself. */
export function FilterProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
