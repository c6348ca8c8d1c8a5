/** The registry (or the filtered part of it) as a CSV download, in the columns import reads. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCoordinator } from "~/modules/stakeholder/access.server";
import { exportStakeholdersCsv } from "~/modules/stakeholder/csv-export.server";
import { filtersFrom } from "~/modules/stakeholder/organisations.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const csv = await exportStakeholdersCsv(filtersFrom(new URL(request.url)));
  const filename = `stakeholders-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
