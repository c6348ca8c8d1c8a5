/**
 * Stakeholder CSV import in two steps: the upload is read and checked into a PendingImport
 * (nothing else is written), the coordinator reads the row-by-row report, then confirms or
 * discards. Confirming checks the rows again against the registry as it is at that moment
 * and applies every good row in one transaction, with one audit entry.
 */
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import { readStakeholderCsv } from "./csv-format.server";
import { countsOf, planImport, reportOf, type PlannedOrganisation, type PlannedRow, type ReportRow } from "./import-plan.server";

export const IMPORT_KIND = "stakeholders";

export type ImportResult = {
  organisationsCreated: number;
  organisationsUpdated: number;
  peopleCreated: number;
  peopleUpdated: number;
  contactsCreated: number;
  contactsUpdated: number;
};

export type StakeholderImportPayload = { ignoredColumns: string[]; rows: ReportRow[]; result?: ImportResult };

/** Reads and checks the file; throws StakeholderCsvError for a file that cannot be read at all. */
export async function stageStakeholderImport(actorId: string, file: { filename: string; content: Buffer }) {
  const { rows, ignoredColumns } = readStakeholderCsv(file.content);
  const plan = await planImport(db(), rows);
  const payload: StakeholderImportPayload = { ignoredColumns, rows: reportOf(plan.rows) };
  return db().pendingImport.create({ data: { kind: IMPORT_KIND, createdById: actorId, filename: file.filename.slice(0, 200), payload } });
}

export async function findStakeholderImport(importId: string) {
  const pending = await db().pendingImport.findUnique({ where: { id: importId } });
  if (!pending || pending.kind !== IMPORT_KIND || pending.consultationId) return null;
  return { ...pending, payload: pending.payload as unknown as StakeholderImportPayload };
}

export function recentStakeholderImports() {
  return db().pendingImport.findMany({
    where: { kind: IMPORT_KIND, consultationId: null },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, filename: true, createdAt: true, confirmedAt: true, discardedAt: true },
  });
}

export async function discardStakeholderImport(importId: string) {
  await db().pendingImport.updateMany({ where: { id: importId, kind: IMPORT_KIND, confirmedAt: null, discardedAt: null }, data: { discardedAt: new Date() } });
}

type Tx = Prisma.TransactionClient;

async function applyOrganisation(tx: Tx, org: PlannedOrganisation, result: ImportResult): Promise<string> {
  const v = org.values;
  if (!org.existing) {
    const created = await tx.organisation.create({
      data: {
        name: org.name,
        shortName: v.shortName ?? null,
        typeId: v.typeId!,
        country: v.country ?? null,
        languages: v.languages ?? ["en"],
        survivorLed: v.survivorLed ?? false,
      },
    });
    result.organisationsCreated++;
    return created.id;
  }
  if (org.changed.length > 0) {
    await tx.organisation.update({ where: { id: org.existing.id }, data: Object.fromEntries(org.changed.map((f) => [f, v[f]])) });
    result.organisationsUpdated++;
  }
  return org.existing.id;
}

async function applyContact(tx: Tx, organisationId: string, orgLanguage: string, row: PlannedRow, result: ImportResult) {
  const c = row.contact!;
  let user = await tx.user.findUnique({ where: { email: c.email } });
  if (!user) {
    user = await tx.user.create({ data: { email: c.email, name: c.name!, language: c.language ?? orgLanguage } });
    result.peopleCreated++;
  } else if ((c.name && c.name !== user.name) || (c.language && c.language !== user.language)) {
    await tx.user.update({ where: { id: user.id }, data: { name: c.name ?? user.name, language: c.language ?? user.language } });
    result.peopleUpdated++;
  }
  const link = await tx.contact.findUnique({ where: { organisationId_userId: { organisationId, userId: user.id } } });
  if (!link) {
    await tx.contact.create({ data: { organisationId, userId: user.id, role: c.role ?? "CONTRIBUTOR" } });
    result.contactsCreated++;
  } else if (c.role && c.role !== link.role) {
    await tx.contact.update({ where: { id: link.id }, data: { role: c.role } });
    result.contactsUpdated++;
  }
}

/** Applies the import once (a double click confirms once); returns false when it was already settled. */
export async function confirmStakeholderImport(actorId: string, importId: string): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      const claimed = await tx.pendingImport.updateMany({
        where: { id: importId, kind: IMPORT_KIND, confirmedAt: null, discardedAt: null },
        data: { confirmedAt: new Date() },
      });
      if (claimed.count === 0) return false;
      const pending = await tx.pendingImport.findUniqueOrThrow({ where: { id: importId } });
      const payload = pending.payload as unknown as StakeholderImportPayload;
      const plan = await planImport(tx, payload.rows.map(({ row, cells }) => ({ row, cells })));

      const result: ImportResult = {
        organisationsCreated: 0,
        organisationsUpdated: 0,
        peopleCreated: 0,
        peopleUpdated: 0,
        contactsCreated: 0,
        contactsUpdated: 0,
      };
      const organisationIds = new Map<string, string>();
      for (const row of plan.rows) {
        if (row.status !== "new" && row.status !== "update") continue;
        const org = plan.organisations.get(row.orgKey)!;
        let organisationId = organisationIds.get(row.orgKey);
        if (!organisationId) {
          organisationId = await applyOrganisation(tx, org, result);
          organisationIds.set(row.orgKey, organisationId);
        }
        const orgLanguage = (org.values.languages ?? org.existing?.languages ?? ["en"])[0] ?? "en";
        if (row.contact) await applyContact(tx, organisationId, orgLanguage, row, result);
      }

      await tx.pendingImport.update({ where: { id: importId }, data: { payload: { ...payload, rows: reportOf(plan.rows), result } } });
      await audit(tx, {
        actorId,
        action: "stakeholders.imported",
        entityType: "PendingImport",
        entityId: importId,
        data: { filename: pending.filename, rows: plan.rows.length, ...countsOf(plan.rows), ...result },
      });
      return true;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
