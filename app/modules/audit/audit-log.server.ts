/** The audit log of one consultation, filtered and paged for the coordinators' page. */
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { zonedTimeToUtc } from "~/modules/round/dates";

export const AUDIT_PAGE_SIZE = 50;

/** What a change was about, by the first part of its action ("round.opened" is about rounds). */
export const AUDIT_AREAS = {
  consultation: "The consultation and its team",
  version: "Drafts and sections",
  questionnaire: "Questionnaires",
  round: "Rounds",
  invitation: "Invitations, links and reminders",
  response: "Responses",
  answer: "Analysis of answers",
  worklist: "Revision worklist",
  export: "Exports",
  email: "Email",
} as const;
export type AuditArea = keyof typeof AUDIT_AREAS;
export const isAuditArea = (v: string): v is AuditArea => Object.hasOwn(AUDIT_AREAS, v);

export type AuditFilter = { action?: string; area?: AuditArea; actorId?: string; entityType?: string; from?: Date; to?: Date; page: number };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day typed in the filter ("2026-11-25"), as the instant it starts in the consultation's time
 * zone (the zone the page shows times in), `offsetDays` later. Undefined when it is not a real day.
 */
export function dayStart(value: string | null, zone: string, offsetDays = 0): Date | undefined {
  if (!value || !isoDay.test(value)) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return undefined;
  const shifted = new Date(day.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return zonedTimeToUtc(`${shifted}T00:00`, zone) ?? undefined;
}

export async function auditLog(consultationId: string, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    consultationId,
    AND: [
      filter.action ? { action: { startsWith: filter.action } } : {},
      filter.area ? { action: { startsWith: `${filter.area}.` } } : {},
    ],
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const [events, total, actions, actors] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where: { consultationId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db().user.findMany({ where: { auditEvents: { some: { consultationId } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { events, total, actions: actions.map((a) => a.action), actors, names: await entityNames(events) };
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What each entry is about, in words a coordinator recognises ("Round 1: First call", the
 * organisation's name, the question) instead of an id: one query per kind on the page. An entity
 * deleted since keeps the name its entry recorded, if any.
 */
async function entityNames(events: Array<{ entityType: string; entityId: string; data: Prisma.JsonValue }>): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const [rounds, questions, versions, invitations, links, responses, consultations, items, tags, answers] = await Promise.all([
    db().round.findMany({ where: { id: { in: idsOf("Round") } }, select: { id: true, number: true, title: true } }),
    db().question.findMany({ where: { id: { in: idsOf("Question") } }, select: { id: true, prompt: true, round: { select: { number: true } } } }),
    db().documentVersion.findMany({ where: { id: { in: idsOf("DocumentVersion") } }, select: { id: true, number: true } }),
    db().invitation.findMany({ where: { id: { in: idsOf("Invitation") } }, select: { id: true, organisation: { select: { name: true } }, round: { select: { number: true } } } }),
    db().invitationLink.findMany({
      where: { id: { in: idsOf("InvitationLink") } },
      select: { id: true, contact: { select: { user: { select: { name: true } } } }, invitation: { select: { organisation: { select: { name: true } } } } },
    }),
    db().response.findMany({ where: { id: { in: idsOf("Response") } }, select: { id: true, organisation: { select: { name: true } }, round: { select: { number: true } } } }),
    db().consultation.findMany({ where: { id: { in: idsOf("Consultation") } }, select: { id: true, title: true } }),
    db().worklistItem.findMany({ where: { id: { in: idsOf("WorklistItem") } }, select: { id: true, summary: true } }),
    db().tag.findMany({ where: { id: { in: idsOf("Tag") } }, select: { id: true, name: true } }),
    db().answer.findMany({
      where: { id: { in: idsOf("Answer") } },
      select: { id: true, response: { select: { organisation: { select: { name: true } } } }, question: { select: { prompt: true } } },
    }),
  ]);
  const names = new Map<string, string>([
    ...rounds.map((r) => [r.id, `Round ${r.number}: ${shorten(r.title)}`] as const),
    ...questions.map((q) => [q.id, `Question in round ${q.round.number}: ${shorten(q.prompt)}`] as const),
    ...versions.map((v) => [v.id, `Draft version ${v.number}`] as const),
    ...invitations.map((i) => [i.id, `Invitation of ${i.organisation.name} (round ${i.round.number})`] as const),
    ...links.map((l) => [l.id, `Link of ${l.contact.user.name} (${l.invitation.organisation.name})`] as const),
    ...responses.map((r) => [r.id, `Response of ${r.organisation.name} (round ${r.round.number})`] as const),
    ...consultations.map((c) => [c.id, `Consultation: ${shorten(c.title)}`] as const),
    ...items.map((i) => [i.id, `Worklist item: ${shorten(i.summary)}`] as const),
    ...tags.map((t) => [t.id, `Tag “${t.name}”`] as const),
    ...answers.map((a) => [a.id, `Answer of ${a.response.organisation.name} to “${shorten(a.question.prompt, 50)}”`] as const),
  ]);
  for (const e of events) {
    if (names.has(e.entityId)) continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    const recorded = [data.prompt, data.organisation, data.title, data.to].find((v): v is string => typeof v === "string" && v.length > 0);
    if (recorded) names.set(e.entityId, e.entityType === "EmailMessage" ? `Email to ${recorded}` : `${e.entityType}: ${shorten(recorded)}`);
  }
  return names;
}
