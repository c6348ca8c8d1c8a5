/**
 * The configurable list of stakeholder types. Keys are stored in rounds' audiences, so they
 * never change: a type can be renamed and moved, and deleted only while nothing uses it.
 */
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { StakeholderTypeInput } from "./schemas";

type Translations = Partial<Record<"fr" | "es" | "ar", string>>;

/** The defaults of the product brief, offered to a deployment whose list is still empty. */
export const DEFAULT_STAKEHOLDER_TYPES: Array<{ key: string; label: string; translations: Translations }> = [
  {
    key: "affected-state",
    label: "Affected State Party (Article 5)",
    translations: { fr: "État partie affecté (article 5)", es: "Estado Parte afectado (artículo 5)", ar: "دولة طرف متأثرة (المادة 5)" },
  },
  { key: "state-party", label: "Other State Party", translations: { fr: "Autre État partie", es: "Otro Estado Parte", ar: "دولة طرف أخرى" } },
  {
    key: "observer-state",
    label: "Signatory or observer State",
    translations: { fr: "État signataire ou observateur", es: "Estado signatario u observador", ar: "دولة موقِّعة أو مراقبة" },
  },
  {
    key: "survivor-org",
    label: "Survivor organisation / organisation of persons with disabilities",
    translations: {
      fr: "Organisation de survivants / organisation de personnes handicapées",
      es: "Organización de sobrevivientes / organización de personas con discapacidad",
      ar: "منظمة ناجين / منظمة أشخاص ذوي إعاقة",
    },
  },
  { key: "ngo", label: "Civil society / NGO", translations: { fr: "Société civile / ONG", es: "Sociedad civil / ONG", ar: "المجتمع المدني / منظمة غير حكومية" } },
  {
    key: "international-org",
    label: "International organisation",
    translations: { fr: "Organisation internationale", es: "Organización internacional", ar: "منظمة دولية" },
  },
  { key: "convention-body", label: "Convention body", translations: { fr: "Organe conventionnel", es: "Órgano de la Convención", ar: "هيئة تابعة للاتفاقية" } },
];

export type TypeResult = { ok: true } | { ok: false; errors: Record<string, string> };

export async function listTypes() {
  const types = await db().stakeholderType.findMany({
    orderBy: [{ position: "asc" }, { label: "asc" }],
    include: { _count: { select: { organisations: true } } },
  });
  return types.map((t) => ({
    id: t.id,
    key: t.key,
    label: t.label,
    translations: (t.translations ?? {}) as Translations,
    organisations: t._count.organisations,
  }));
}

function translationsOf(input: StakeholderTypeInput): Translations {
  const out: Translations = {};
  if (input.label_fr) out.fr = input.label_fr;
  if (input.label_es) out.es = input.label_es;
  if (input.label_ar) out.ar = input.label_ar;
  return out;
}

function keyFrom(label: string) {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40)
      .replace(/-$/, "") || "type"
  );
}

async function labelTaken(tx: Prisma.TransactionClient, label: string, exceptId?: string) {
  const same = await tx.stakeholderType.findFirst({ where: { label: { equals: label, mode: "insensitive" }, id: exceptId ? { not: exceptId } : undefined } });
  return !!same;
}

export async function addType(actorId: string, input: StakeholderTypeInput): Promise<TypeResult> {
  return db().$transaction(async (tx): Promise<TypeResult> => {
    if (await labelTaken(tx, input.label)) return { ok: false, errors: { label: "There is already a type with this name" } };
    const key = input.key || keyFrom(input.label);
    if (await tx.stakeholderType.findUnique({ where: { key } })) {
      return { ok: false, errors: { key: `The key "${key}" is already used: choose another` } };
    }
    const last = await tx.stakeholderType.aggregate({ _max: { position: true } });
    const type = await tx.stakeholderType.create({
      data: { key, label: input.label, position: (last._max.position ?? 0) + 1, translations: translationsOf(input) },
    });
    await audit(tx, { actorId, action: "stakeholder-type.added", entityType: "StakeholderType", entityId: type.id, data: { key, label: input.label } });
    return { ok: true };
  });
}

export async function updateType(actorId: string, typeId: string, input: StakeholderTypeInput): Promise<TypeResult> {
  return db().$transaction(async (tx): Promise<TypeResult> => {
    const before = await tx.stakeholderType.findUnique({ where: { id: typeId } });
    if (!before) return { ok: false, errors: { form: "This type no longer exists." } };
    if (await labelTaken(tx, input.label, typeId)) return { ok: false, errors: { label: "There is already a type with this name" } };
    await tx.stakeholderType.update({ where: { id: typeId }, data: { label: input.label, translations: translationsOf(input) } });
    await audit(tx, {
      actorId,
      action: "stakeholder-type.renamed",
      entityType: "StakeholderType",
      entityId: typeId,
      data: { key: before.key, from: before.label, to: input.label },
    });
    return { ok: true };
  });
}

/** Swaps the type with its neighbour above or below. */
export async function moveType(actorId: string, typeId: string, direction: "up" | "down") {
  await db().$transaction(async (tx) => {
    const types = await tx.stakeholderType.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }], select: { id: true, key: true } });
    const from = types.findIndex((t) => t.id === typeId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= types.length) return;
    [types[from], types[to]] = [types[to]!, types[from]!];
    // Renumbering all of them also repairs ties left by older data.
    for (const [index, t] of types.entries()) await tx.stakeholderType.update({ where: { id: t.id }, data: { position: index + 1 } });
    await audit(tx, { actorId, action: "stakeholder-type.reordered", entityType: "StakeholderType", entityId: typeId, data: { order: types.map((t) => t.key) } });
  });
}

export async function deleteType(actorId: string, typeId: string): Promise<TypeResult> {
  return db().$transaction(async (tx): Promise<TypeResult> => {
    const type = await tx.stakeholderType.findUnique({ where: { id: typeId }, include: { _count: { select: { organisations: true } } } });
    if (!type) return { ok: true };
    if (type._count.organisations > 0) {
      return { ok: false, errors: { form: `"${type.label}" is the type of ${type._count.organisations} organisation(s): change their type first.` } };
    }
    const rounds = await tx.round.count({ where: { audienceTypes: { has: type.key } } });
    if (rounds > 0) return { ok: false, errors: { form: `"${type.label}" is in the audience of ${rounds} round(s), so it cannot be deleted.` } };
    await tx.stakeholderType.delete({ where: { id: typeId } });
    await audit(tx, { actorId, action: "stakeholder-type.deleted", entityType: "StakeholderType", entityId: typeId, data: { key: type.key, label: type.label } });
    return { ok: true };
  });
}

/** Adds the default types that are missing (by key or name), after the existing ones. */
export async function addDefaultTypes(actorId: string) {
  await db().$transaction(async (tx) => {
    const existing = await tx.stakeholderType.findMany({ select: { key: true, label: true } });
    const keys = new Set(existing.map((t) => t.key));
    const labels = new Set(existing.map((t) => t.label.toLowerCase()));
    const last = await tx.stakeholderType.aggregate({ _max: { position: true } });
    const missing = DEFAULT_STAKEHOLDER_TYPES.filter((t) => !keys.has(t.key) && !labels.has(t.label.toLowerCase()));
    if (missing.length === 0) return;
    await tx.stakeholderType.createMany({
      data: missing.map((t, i) => ({ key: t.key, label: t.label, translations: t.translations, position: (last._max.position ?? 0) + i + 1 })),
      skipDuplicates: true,
    });
    await audit(tx, { actorId, action: "stakeholder-type.defaults-added", entityType: "StakeholderType", entityId: "defaults", data: { keys: missing.map((t) => t.key) } });
  });
}
