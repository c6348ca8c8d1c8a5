/**
 * One export as a download: the reader it is made for, the audit entry (its own small
 * transaction, written before the first byte is sent), and the file as a Response body.
 */
import type { ConsultationAccess } from "~/modules/auth/authorization.server";
import type { Reader } from "~/modules/analysis/attribution";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import { CONTENT_TYPES, downloadFilename, type ExportAudience, type ExportDefinition } from "./catalogue";
import { csvStream } from "./csv.server";
import { docxBuffer } from "./docx.server";
import { matrixTable } from "./matrix.server";
import { responsesTable } from "./responses.server";
import { roundJsonStream } from "./round-json.server";
import { xlsxStream } from "./xlsx.server";

/** Internal exports show what the downloader's role may see; publication ones apply the publication rule to everyone. */
export function readerFor(role: ConsultationAccess["role"], audience: ExportAudience): Reader {
  if (audience === "publication") return "publication";
  return role === "ANALYST" ? "analyst" : "coordinator";
}

type ExportRound = { id: string; number: number; title: string; consultationId: string; consultation: { slug: string; title: string } };

async function body(e: ExportDefinition, round: ExportRound, reader: Reader): Promise<BodyInit> {
  if (e.kind === "round") return roundJsonStream(round.id, reader, e.audience);
  const table = e.kind === "matrix" ? matrixTable(round.id, reader) : await responsesTable(round.id, reader);
  if (e.format === "csv") return csvStream(table);
  if (e.format === "xlsx") return xlsxStream(table);
  const lead = `${round.consultation.title}, round ${round.number}: ${round.title}. ${
    e.audience === "publication" ? "For publication: confidential comments are left out; some respondents are named by type only." : "Internal: not for publication."
  }`;
  return new Uint8Array(await docxBuffer(table, "Comment-resolution matrix", lead));
}

export async function exportDownload(access: ConsultationAccess, round: ExportRound, e: ExportDefinition): Promise<Response> {
  const reader = readerFor(access.role, e.audience);
  await db().$transaction((tx) =>
    audit(tx, {
      actorId: access.user.id,
      action: "export.downloaded",
      entityType: "Round",
      entityId: round.id,
      consultationId: round.consultationId,
      data: { export: e.name, format: e.format, audience: e.audience, reader },
    }),
  );
  return new Response(await body(e, round, reader), {
    headers: {
      "Content-Type": CONTENT_TYPES[e.format],
      "Content-Disposition": `attachment; filename="${downloadFilename(round.consultation.slug, round.number, e)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
