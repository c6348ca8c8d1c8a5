/**
 * The worklist as CSV or XLSX (?format=csv|xlsx), with the list page's filters and sort.
 * Audited like every export.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/modules/audit/audit.server";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { CONTENT_TYPES } from "~/modules/export/catalogue";
import { csvStream } from "~/modules/export/csv.server";
import { xlsxStream } from "~/modules/export/xlsx.server";
import { cleanSearchParams } from "~/modules/forms/validation";
import { worklistTable } from "~/modules/worklist/export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultationId = params.consultationId!;
  const access = await requireConsultationAccess(request, consultationId);
  const query = cleanSearchParams(new URL(request.url).searchParams);
  const format = query.get("format") === "xlsx" ? "xlsx" : "csv";
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { slug: true } });
  await db().$transaction((tx) =>
    audit(tx, {
      actorId: access.user.id,
      action: "export.downloaded",
      entityType: "Consultation",
      entityId: consultationId,
      consultationId,
      data: { export: `worklist.${format}`, format, filters: query.toString() },
    }),
  );
  const table = await worklistTable(consultationId, query);
  return new Response(format === "xlsx" ? xlsxStream(table) : csvStream(table), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${consultation.slug}-worklist.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
