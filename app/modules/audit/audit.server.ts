import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/modules/db/client.server";

type Tx = Db | Prisma.TransactionClient;

export type AuditInput = {
  actorId: string | null;
  action: string; // "<entity>.<verb>", e.g. "round.opened", "response.submitted"
  entityType: string;
  entityId: string;
  consultationId?: string | null;
  data?: Prisma.InputJsonValue;
};

function row(input: AuditInput) {
  return {
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    consultationId: input.consultationId ?? null,
    data: input.data ?? {},
  };
}

/** Write inside the same transaction as the change, so there is never a change without its entry. */
export function audit(tx: Tx, input: AuditInput) {
  return tx.auditEvent.create({ data: row(input) });
}

/** Many entries in one statement, for changes made in bulk (same rule: the change's transaction). */
export function auditMany(tx: Tx, inputs: AuditInput[]) {
  return tx.auditEvent.createMany({ data: inputs.map(row) });
}
