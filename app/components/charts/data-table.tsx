/**
 * The exact numbers behind a chart, as a table with a caption and header cells scoped to
 * their row or column, optionally folded in a <details> (works without JavaScript).
 */
export type DataTableRow = { key: string; label: string; values: number[] };

export function DataTable({
  caption,
  rowHeading,
  columns,
  rows,
  total,
}: {
  caption: string;
  /** The header of the first column (what the rows are). */
  rowHeading: string;
  columns: Array<{ key: string; label: string }>;
  rows: DataTableRow[];
  /** A last column with each row's sum, under this heading. */
  total?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c.key}>
                {c.label}
              </th>
            ))}
            {total ? (
              <th scope="col" className="num">
                {total}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <td className="num" key={columns[i]?.key ?? i}>
                  {v.toLocaleString("en")}
                </td>
              ))}
              {total ? <td className="num">{r.values.reduce((a, b) => a + b, 0).toLocaleString("en")}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A data table folded under "Show the numbers" (or any summary text). */
export function DataTableDetails({ summary = "Show the numbers as a table", ...table }: Parameters<typeof DataTable>[0] & { summary?: string }) {
  return (
    <details className="chart-data">
      <summary>{summary}</summary>
      <DataTable {...table} />
    </details>
  );
}
