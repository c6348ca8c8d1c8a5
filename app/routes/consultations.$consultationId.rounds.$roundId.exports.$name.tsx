/** One export as a download (see app/modules/export/catalogue.ts for the names): coordinators and analysts, audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/authorization.server";
import { findExport } from "~/modules/export/catalogue";
import { exportDownload } from "~/modules/export/download.server";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, user, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const wanted = findExport(params.name ?? "");
  if (!wanted) notFound("No such export.");
  return exportDownload({ user, role }, round, wanted);
}
