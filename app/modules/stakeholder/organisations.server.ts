/**
 * Organisations and their contacts. A contact is a person (a User, found or created by
 * email, which is unique across the deployment) linked to an organisation with a role, so
 * one person can speak for several organisations and is never duplicated.
 */
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { ContactInput, OrganisationInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type OrganisationFilters = { q: string; type: string; country: string; survivorLed: "" | "yes" | "no" };

export function filtersFrom(url: URL): OrganisationFilters {
  const get = (name: string) => (url.searchParams.get(name) ?? "").trim().slice(0, 200);
  const survivorLed = get("survivorLed");
  return { q: get("q"), type: get("type"), country: get("country").toUpperCase(), survivorLed: survivorLed === "yes" || survivorLed === "no" ? survivorLed : "" };
}

export function organisationWhere(f: OrganisationFilters): Prisma.OrganisationWhereInput {
  return {
    ...(f.q ? { OR: [{ name: { contains: f.q, mode: "insensitive" } }, { shortName: { contains: f.q, mode: "insensitive" } }] } : {}),
    ...(f.type ? { type: { key: f.type } } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.survivorLed ? { survivorLed: f.survivorLed === "yes" } : {}),
  };
}

export async function listOrganisations(filters: OrganisationFilters) {
  return db().organisation.findMany({
    where: organisationWhere(filters),
    orderBy: { name: "asc" },
    include: { type: { select: { key: true, label: true } }, _count: { select: { contacts: true } } },
  });
}

export async function getOrganisation(organisationId: string) {
  return db().organisation.findUnique({
    where: { id: organisationId },
    include: {
      type: true,
      contacts: { include: { user: { select: { id: true, name: true, email: true, language: true } } }, orderBy: [{ role: "desc" }, { createdAt: "asc" }] },
    },
  });
}

export type ChangeResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

async function checkOrganisation(tx: Tx, input: OrganisationInput, exceptId?: string): Promise<Record<string, string> | null> {
  const same = await tx.organisation.findFirst({
    where: { name: { equals: input.name, mode: "insensitive" }, id: exceptId ? { not: exceptId } : undefined },
    select: { id: true },
  });
  if (same) return { name: "There is already an organisation with this name" };
  if (!(await tx.stakeholderType.findUnique({ where: { id: input.typeId } }))) return { typeId: "Choose the type of stakeholder" };
  return null;
}

function organisationData(input: OrganisationInput) {
  return {
    name: input.name,
    shortName: input.shortName || null,
    typeId: input.typeId,
    country: input.country || null,
    languages: input.languages,
    survivorLed: input.survivorLed,
  };
}

export async function createOrganisation(actorId: string, input: OrganisationInput): Promise<ChangeResult> {
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const errors = await checkOrganisation(tx, input);
    if (errors) return { ok: false, errors };
    const organisation = await tx.organisation.create({ data: organisationData(input) });
    await audit(tx, { actorId, action: "organisation.created", entityType: "Organisation", entityId: organisation.id, data: { name: input.name } });
    return { ok: true, id: organisation.id };
  });
}

export async function updateOrganisation(actorId: string, organisationId: string, input: OrganisationInput): Promise<ChangeResult> {
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    const errors = await checkOrganisation(tx, input, organisationId);
    if (errors) return { ok: false, errors };
    const next = organisationData(input);
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
    if (changed.length > 0) {
      await tx.organisation.update({ where: { id: organisationId }, data: next });
      await audit(tx, { actorId, action: "organisation.updated", entityType: "Organisation", entityId: organisationId, data: { name: input.name, changed } });
    }
    return { ok: true, id: organisationId };
  });
}

/** Whether the person with this email (if any) is already a contact of the organisation, other than `exceptUserId`. */
async function alreadyContact(tx: Tx, organisationId: string, email: string, exceptUserId?: string) {
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (!existing || existing.id === exceptUserId) return false;
  return !!(await tx.contact.findUnique({ where: { organisationId_userId: { organisationId, userId: existing.id } }, select: { id: true } }));
}

/**
 * The person with this email, created if new; an existing person's name and language follow
 * what was entered. It writes, so call it only once the change is known to go ahead.
 */
async function personFor(tx: Tx, input: Pick<ContactInput, "email" | "contactName" | "language">) {
  const existing = await tx.user.findUnique({ where: { email: input.email } });
  if (!existing) return tx.user.create({ data: { email: input.email, name: input.contactName, language: input.language } });
  if (existing.name === input.contactName && existing.language === input.language) return existing;
  return tx.user.update({ where: { id: existing.id }, data: { name: input.contactName, language: input.language } });
}

export async function addContact(actorId: string, organisationId: string, input: ContactInput): Promise<ChangeResult> {
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    if (await alreadyContact(tx, organisationId, input.email)) return { ok: false, errors: { email: "This person is already a contact of the organisation" } };
    const user = await personFor(tx, input);
    const contact = await tx.contact.create({ data: { organisationId, userId: user.id, role: input.role, isFocalPoint: input.isFocalPoint } });
    await audit(tx, { actorId, action: "contact.added", entityType: "Contact", entityId: contact.id, data: { organisationId, email: user.email, role: input.role } });
    return { ok: true, id: contact.id };
  });
}

/** A changed email points the contact at the person with that address (found or created); the old person's account stays. */
export async function updateContact(actorId: string, organisationId: string, input: ContactInput): Promise<ChangeResult> {
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const contact = await tx.contact.findFirst({ where: { id: input.contactId, organisationId }, include: { user: true } });
    if (!contact) return { ok: false, errors: { form: "This contact no longer exists." } };
    if (await alreadyContact(tx, organisationId, input.email, contact.userId)) {
      return { ok: false, errors: { email: "This person is already a contact of the organisation" } };
    }
    const user = await personFor(tx, input);
    await tx.contact.update({ where: { id: contact.id }, data: { userId: user.id, role: input.role, isFocalPoint: input.isFocalPoint } });
    await audit(tx, {
      actorId,
      action: "contact.updated",
      entityType: "Contact",
      entityId: contact.id,
      data: { organisationId, email: user.email, ...(user.id !== contact.userId ? { previousEmail: contact.user.email } : {}), role: input.role },
    });
    return { ok: true, id: contact.id };
  });
}

export async function removeContact(actorId: string, organisationId: string, contactId: string) {
  await db().$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: contactId, organisationId }, include: { user: { select: { email: true } } } });
    if (!contact) return;
    await tx.contact.delete({ where: { id: contact.id } });
    await audit(tx, { actorId, action: "contact.removed", entityType: "Contact", entityId: contact.id, data: { organisationId, email: contact.user.email } });
  });
}
