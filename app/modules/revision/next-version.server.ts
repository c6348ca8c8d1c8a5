/** The next draft started from a version: the newest still-editable version made from it. */
import { db } from "~/modules/db/client.server";

export async function nextDraftOf(consultationId: string, versionId: string) {
  return db().documentVersion.findFirst({
    where: { consultationId, basedOnId: versionId, lockedAt: null, rounds: { none: {} } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
}
