/**
 * Seeds the demo consultation described in content.ts, in one transaction. Idempotent: when
 * the consultation's slug already exists nothing is written. Run at start-up by server.ts
 * (SEED_DEMO) and by `npx tsx prisma/seed/run.ts`.
 *
 * Imports are relative (no `~/` alias) so that plain tsx can run this file.
 */
import type { Prisma } from "../../app/generated/prisma/client";
import { audit } from "../../app/modules/audit/audit.server";
import type { Db } from "../../app/modules/db/client.server";
import { hashToken, randomToken } from "../../app/modules/security/tokens.server";
import {
  CONSULTATION,
  COORDINATOR_EMAIL,
  DEMO_RESPONDENT_EMAIL,
  DOCUMENT_VERSION,
  FIXED_OPTION_TRANSLATIONS,
  ORGANISATIONS,
  QUESTIONS,
  RESPONSES,
  ROUND,
  SECTIONS,
  STAFF_USERS,
  STAKEHOLDER_TYPES,
  TAGGED_DAYS_AGO,
  TAGS,
  WORKLIST,
  optionsFor,
  type AnswerContent,
  type QuestionContent,
  type ResponseContent,
} from "./content";

type Tx = Prisma.TransactionClient;

export type SeedDemoResult = {
  seeded: boolean;
  /** The demo respondent's personal link; only known when this call seeded (tokens are stored hashed). */
  invitationUrl?: string;
  coordinatorEmail: string;
  respondentEmail: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);
const daysAgo = (now: Date, days: number) => daysFrom(now, -days);

export async function seedDemo(db: Db, opts: { appUrl: string; now?: Date }): Promise<SeedDemoResult> {
  const now = opts.now ?? new Date();
  const people = { coordinatorEmail: COORDINATOR_EMAIL, respondentEmail: DEMO_RESPONDENT_EMAIL };
  if (await alreadySeeded(db)) return { seeded: false, ...people };

  assertContentIsConsistent();
  let token: string;
  try {
    token = await db.$transaction((tx) => seedAll(tx, now), { timeout: 60_000, maxWait: 10_000 });
  } catch (error) {
    // Two processes seeding at once: the other one's transaction took the slug first.
    if (isUniqueViolation(error) && (await alreadySeeded(db))) return { seeded: false, ...people };
    throw error;
  }
  const appUrl = opts.appUrl.replace(/\/+$/, "");
  return { seeded: true, invitationUrl: `${appUrl}/invitations/${token}`, ...people };
}

async function alreadySeeded(db: Db) {
  return (await db.consultation.count({ where: { slug: CONSULTATION.slug } })) > 0;
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Everything, in dependency order. Returns the demo respondent's raw invitation token. */
async function seedAll(tx: Tx, now: Date): Promise<string> {
  const users = await seedUsers(tx);
  const organisations = await seedStakeholders(tx);
  const contacts = await seedContacts(tx, organisations, users);
  const coordinatorId = must(users, COORDINATOR_EMAIL, "user");

  const consultationId = await seedConsultation(tx, users, now);
  const { versionId, sections } = await seedDraft(tx, consultationId, now);
  const round = await seedRound(tx, consultationId, versionId, now);
  const questions = await seedQuestions(tx, round.id, sections, now);
  const { token, invitationCount } = await seedInvitations(tx, { roundId: round.id, organisations, users, contacts, opensAt: round.opensAt, now });
  await seedResponses(tx, { roundId: round.id, consultationId, organisations, users, questions, sections, now });
  await seedTriage(tx, { roundId: round.id, consultationId, organisations, users, questions, now });

  const created = await audit(tx, {
    actorId: coordinatorId,
    action: "consultation.created",
    entityType: "Consultation",
    entityId: consultationId,
    consultationId,
    data: { slug: CONSULTATION.slug, source: "demo seed" },
  });
  const opened = await audit(tx, {
    actorId: coordinatorId,
    action: "round.opened",
    entityType: "Round",
    entityId: round.id,
    consultationId,
    data: {
      number: ROUND.number,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      audienceTypes: ROUND.audienceTypes,
      invitations: invitationCount,
      source: "demo seed",
    },
  });
  // Keep the audit trail in step with the seeded timeline rather than the moment of seeding.
  await tx.auditEvent.update({ where: { id: created.id }, data: { at: daysAgo(now, CONSULTATION.createdDaysAgo) } });
  await tx.auditEvent.update({ where: { id: opened.id }, data: { at: round.opensAt } });
  return token;
}

// ───────────────────────────── people and stakeholders ─────────────────────────────

async function seedUsers(tx: Tx): Promise<Map<string, string>> {
  const people = [
    ...STAFF_USERS.map((u) => ({ email: u.email, name: u.name, language: u.language, timeZone: u.timeZone, isAdmin: u.isAdmin })),
    ...ORGANISATIONS.flatMap((o) =>
      o.contacts.map((c) => ({ email: c.email, name: c.name, language: c.language, timeZone: o.timeZone, isAdmin: false })),
    ),
  ];
  // Someone may already have an account (e.g. signed in before the seed ran): keep it as it is.
  await tx.user.createMany({ data: people, skipDuplicates: true });
  const admins = STAFF_USERS.filter((u) => u.isAdmin).map((u) => u.email);
  await tx.user.updateMany({ where: { email: { in: admins } }, data: { isAdmin: true } });
  const rows = await tx.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Stakeholder types and organisations; existing ones (same key or name) are reused. Returns name → id. */
async function seedStakeholders(tx: Tx): Promise<Map<string, string>> {
  await tx.stakeholderType.createMany({
    data: STAKEHOLDER_TYPES.map((t, i) => ({ key: t.key, label: t.label, position: i + 1, translations: t.translations })),
    skipDuplicates: true,
  });
  const typeRows = await tx.stakeholderType.findMany({
    where: { key: { in: STAKEHOLDER_TYPES.map((t) => t.key) } },
    select: { id: true, key: true },
  });
  const types = new Map(typeRows.map((t) => [t.key, t.id]));

  await tx.organisation.createMany({
    data: ORGANISATIONS.map((o) => ({
      name: o.name,
      shortName: o.shortName ?? null,
      typeId: must(types, o.type, "stakeholder type"),
      country: o.country,
      languages: o.languages,
      survivorLed: o.survivorLed ?? false,
    })),
    skipDuplicates: true,
  });
  const orgRows = await tx.organisation.findMany({
    where: { name: { in: ORGANISATIONS.map((o) => o.name) } },
    select: { id: true, name: true },
  });
  return new Map(orgRows.map((o) => [o.name, o.id]));
}

/** Returns "organisationId/userId" → contact id. */
async function seedContacts(tx: Tx, organisations: Map<string, string>, users: Map<string, string>) {
  await tx.contact.createMany({
    data: ORGANISATIONS.flatMap((o) =>
      o.contacts.map((c) => ({
        organisationId: must(organisations, o.name, "organisation"),
        userId: must(users, c.email, "user"),
        role: c.role,
        isFocalPoint: c.isFocalPoint ?? false,
      })),
    ),
    skipDuplicates: true,
  });
  const rows = await tx.contact.findMany({
    where: { organisationId: { in: [...organisations.values()] } },
    select: { id: true, organisationId: true, userId: true },
  });
  return new Map(rows.map((c) => [`${c.organisationId}/${c.userId}`, c.id]));
}

// ───────────────────────────── the consultation and its draft ─────────────────────────────

async function seedConsultation(tx: Tx, users: Map<string, string>, now: Date): Promise<string> {
  const consultation = await tx.consultation.create({
    data: {
      slug: CONSULTATION.slug,
      title: CONSULTATION.title,
      summary: CONSULTATION.summary,
      languages: CONSULTATION.languages,
      createdAt: daysAgo(now, CONSULTATION.createdDaysAgo),
      members: {
        createMany: { data: STAFF_USERS.map((u) => ({ userId: must(users, u.email, "user"), role: u.role })) },
      },
    },
    select: { id: true },
  });
  return consultation.id;
}

type SeededSection = { id: string; firstParagraph: string };

async function seedDraft(tx: Tx, consultationId: string, now: Date) {
  const version = await tx.documentVersion.create({
    data: {
      consultationId,
      number: DOCUMENT_VERSION.number,
      title: DOCUMENT_VERSION.title,
      note: DOCUMENT_VERSION.note,
      createdAt: daysAgo(now, DOCUMENT_VERSION.createdDaysAgo),
      lockedAt: daysFrom(now, ROUND.opensInDays), // round 1 uses it from its opening
      sections: {
        createMany: {
          data: SECTIONS.map((s, i) => ({
            key: s.key,
            position: i + 1,
            heading: s.heading,
            body: s.body,
            tags: s.tags,
            translations: s.translations ?? {},
          })),
        },
      },
    },
    select: { id: true, sections: { select: { id: true, key: true, body: true } } },
  });
  const sections = new Map<string, SeededSection>(
    version.sections.map((s) => [s.key, { id: s.id, firstParagraph: firstParagraph(s.body) }]),
  );
  return { versionId: version.id, sections };
}

export function firstParagraph(markdown: string): string {
  return markdown.split(/\n\s*\n/)[0] ?? "";
}

// ───────────────────────────── round 1 and its questionnaire ─────────────────────────────

async function seedRound(tx: Tx, consultationId: string, versionId: string, now: Date) {
  const opensAt = daysFrom(now, ROUND.opensInDays);
  // A deadline people can remember: 23:59 in Vienna (the coordinators' zone) on the closing day.
  const closesAt = endOfDayIn(daysFrom(now, ROUND.closesInDays), "Europe/Vienna");
  const round = await tx.round.create({
    data: {
      consultationId,
      versionId,
      number: ROUND.number,
      title: ROUND.title,
      instructions: ROUND.instructions,
      status: "OPEN",
      opensAt,
      closesAt,
      openedAt: opensAt,
      timeZone: ROUND.timeZone,
      audienceTypes: ROUND.audienceTypes,
      reminderDays: ROUND.reminderDays,
      createdAt: daysAgo(now, 14),
    },
    select: { id: true },
  });
  return { id: round.id, opensAt, closesAt };
}

type SeededQuestion = { id: string; content: QuestionContent };

async function seedQuestions(tx: Tx, roundId: string, sections: Map<string, SeededSection>, now: Date) {
  await tx.question.createMany({
    data: QUESTIONS.map((q, i) => ({
      roundId,
      sectionId: q.section === null ? null : must(sections, q.section, "section").id,
      position: i + 1,
      type: q.type,
      prompt: q.prompt,
      help: q.help ?? "",
      required: q.required ?? false,
      options: optionsFor(q),
      translations: questionTranslations(q),
      createdAt: daysAgo(now, 14),
    })),
  });
  const rows = await tx.question.findMany({ where: { roundId }, select: { id: true, position: true } });
  const byPosition = new Map(rows.map((r) => [r.position, r.id]));
  return new Map<string, SeededQuestion>(
    QUESTIONS.map((q, i) => [q.key, { id: must(byPosition, i + 1, "question"), content: q }]),
  );
}

/** The question's own translations, plus the fixed option labels for agreement and yes/no questions. */
function questionTranslations(q: QuestionContent): Prisma.InputJsonObject {
  const result: Record<string, Prisma.InputJsonObject> = {};
  for (const [language, t] of Object.entries(q.translations ?? {})) {
    const fixed = FIXED_OPTION_TRANSLATIONS[language];
    const options =
      fixed && (q.type === "AGREEMENT" || q.type === "YES_NO")
        ? Object.fromEntries(optionsFor(q).map((o) => [o.id, fixed[o.id as keyof typeof fixed]]))
        : t.options;
    result[language] = { prompt: t.prompt, ...(t.help ? { help: t.help } : {}), ...(options ? { options } : {}) };
  }
  return result;
}

// ───────────────────────────── invitations ─────────────────────────────

async function seedInvitations(
  tx: Tx,
  ctx: {
    roundId: string;
    organisations: Map<string, string>;
    users: Map<string, string>;
    contacts: Map<string, string>;
    opensAt: Date;
    now: Date;
  },
) {
  const { roundId, organisations, users, contacts, opensAt, now } = ctx;
  const audience = ORGANISATIONS.filter((o) => ROUND.audienceTypes.includes(o.type));
  await tx.invitation.createMany({
    data: audience.map((o) => ({ roundId, organisationId: must(organisations, o.name, "organisation"), createdAt: opensAt })),
  });
  const rows = await tx.invitation.findMany({ where: { roundId }, select: { id: true, organisationId: true } });
  const invitations = new Map(rows.map((r) => [r.organisationId, r.id]));

  let demoToken: string | undefined;
  const links = audience.flatMap((o) => {
    const organisationId = must(organisations, o.name, "organisation");
    return o.contacts.map((c) => {
      const token = randomToken();
      if (c.email === DEMO_RESPONDENT_EMAIL) demoToken = token;
      const visits = linkVisits(o.name, c.email, now);
      return {
        invitationId: must(invitations, organisationId, "invitation"),
        contactId: must(contacts, `${organisationId}/${must(users, c.email, "user")}`, "contact"),
        tokenHash: hashToken(token),
        createdAt: opensAt,
        firstOpenedAt: visits?.first ?? null,
        lastOpenedAt: visits?.last ?? null,
      };
    });
  });
  await tx.invitationLink.createMany({ data: links });
  if (!demoToken) throw new Error(`The demo respondent ${DEMO_RESPONDENT_EMAIL} is not invited to round ${ROUND.number}.`);
  return { token: demoToken, invitationCount: audience.length };
}

/** Whoever wrote a seeded response has opened their link: from starting until the last save. */
function linkVisits(organisation: string, email: string, now: Date) {
  const response = RESPONSES.find((r) => r.organisation === organisation && r.author === email);
  return response ? { first: daysAgo(now, response.startedDaysAgo), last: lastActivity(response, now) } : undefined;
}

function lastActivity(response: ResponseContent, now: Date) {
  return daysAgo(now, response.submittedDaysAgo ?? response.lastSavedDaysAgo ?? 0);
}

// ───────────────────────────── responses ─────────────────────────────

async function seedResponses(
  tx: Tx,
  ctx: {
    roundId: string;
    consultationId: string;
    organisations: Map<string, string>;
    users: Map<string, string>;
    questions: Map<string, SeededQuestion>;
    sections: Map<string, SeededSection>;
    now: Date;
  },
) {
  const events: Prisma.AuditEventCreateManyInput[] = [];
  for (const r of RESPONSES) {
    const authorId = must(ctx.users, r.author, "user");
    const savedAt = lastActivity(r, ctx.now);
    const submittedAt = r.status === "SUBMITTED" ? savedAt : null;
    const values = QUESTIONS.flatMap((q) => {
      const answer = r.answers[q.key];
      if (!answer) return [];
      const question = must(ctx.questions, q.key, "question");
      return [{ questionId: question.id, ...answerValue(q, answer, ctx.sections) }];
    });

    const response = await tx.response.create({
      data: {
        roundId: ctx.roundId,
        organisationId: must(ctx.organisations, r.organisation, "organisation"),
        status: r.status,
        attribution: r.attribution,
        consentToPublish: r.consentToPublish,
        createdAt: daysAgo(ctx.now, r.startedDaysAgo),
        updatedAt: savedAt,
        submittedAt,
        submittedById: submittedAt ? authorId : null,
        answers: { createMany: { data: values.map((v) => ({ ...v, updatedById: authorId, updatedAt: savedAt })) } },
      },
      select: { id: true },
    });
    if (!submittedAt) continue;

    await tx.responseSubmission.create({
      data: {
        responseId: response.id,
        number: 1,
        submittedAt,
        submittedById: authorId,
        attribution: r.attribution,
        consentToPublish: r.consentToPublish,
        answers: values,
      },
    });
    events.push({
      at: submittedAt,
      actorId: authorId,
      action: "response.submitted",
      entityType: "Response",
      entityId: response.id,
      consultationId: ctx.consultationId,
      data: { submission: 1, attribution: r.attribution, consentToPublish: r.consentToPublish, source: "demo seed" },
    });
  }
  await tx.auditEvent.createMany({ data: events });
}

// ───────────────────────────── triage ─────────────────────────────

/** The worklist items, tags and reviewed marks of content.ts, with their audit trail. */
async function seedTriage(
  tx: Tx,
  ctx: { roundId: string; consultationId: string; organisations: Map<string, string>; users: Map<string, string>; questions: Map<string, SeededQuestion>; now: Date },
) {
  const coordinatorId = must(ctx.users, COORDINATOR_EMAIL, "user");
  const answers = await tx.answer.findMany({
    where: { response: { roundId: ctx.roundId } },
    select: { id: true, questionId: true, response: { select: { organisationId: true } } },
  });
  const answerId = ([organisation, questionKey]: [string, string]) => {
    const organisationId = must(ctx.organisations, organisation, "organisation");
    const questionId = must(ctx.questions, questionKey, "question").id;
    const found = answers.find((a) => a.questionId === questionId && a.response.organisationId === organisationId);
    if (!found) throw new Error(`The demo content is inconsistent: ${organisation} did not answer ${questionKey}`);
    return found.id;
  };
  const events: Prisma.AuditEventCreateManyInput[] = [];
  const reviewed = new Map<string, Date>();

  for (const item of WORKLIST) {
    const createdAt = daysAgo(ctx.now, item.createdDaysAgo);
    const decidedAt = new Date(createdAt.getTime() + DAY_MS / 2);
    const sources = item.sources.map(answerId);
    const created = await tx.worklistItem.create({
      data: {
        consultationId: ctx.consultationId,
        roundId: ctx.roundId,
        sectionKey: item.section,
        summary: item.summary,
        type: item.type,
        priority: item.priority,
        status: item.status,
        rationale: item.rationale,
        ownerId: item.owner ? must(ctx.users, item.owner, "user") : null,
        revision: item.status === "OPEN" ? 1 : 2,
        createdAt,
        updatedAt: item.status === "OPEN" ? createdAt : decidedAt,
        sources: { createMany: { data: sources.map((id) => ({ answerId: id })) } },
      },
      select: { id: true },
    });
    for (const id of sources) if (!reviewed.has(id)) reviewed.set(id, createdAt);
    const common = { actorId: coordinatorId, entityType: "WorklistItem", entityId: created.id, consultationId: ctx.consultationId };
    events.push({
      ...common,
      at: createdAt,
      action: "worklist.created",
      data: { summary: item.summary, sectionKey: item.section, type: item.type, priority: item.priority, answers: sources, source: "demo seed" },
    });
    if (item.status !== "OPEN") {
      events.push({
        ...common,
        at: decidedAt,
        action: "worklist.decided",
        data: { revision: 2, changed: { status: { from: "OPEN", to: item.status }, rationale: { from: "", to: item.rationale } }, status: item.status, rationale: item.rationale, source: "demo seed" },
      });
    }
  }

  for (const name of new Set(TAGS.map(([tag]) => tag))) {
    const tagged = TAGS.filter(([tag]) => tag === name).map(([, organisation, question]) => answerId([organisation, question]));
    const tag = await tx.tag.create({ data: { consultationId: ctx.consultationId, name, answers: { createMany: { data: tagged.map((id) => ({ answerId: id })) } } } });
    events.push({ at: daysAgo(ctx.now, TAGGED_DAYS_AGO), actorId: coordinatorId, action: "answer.tagged", entityType: "Tag", entityId: tag.id, consultationId: ctx.consultationId, data: { tag: name, answers: tagged, added: tagged.length, source: "demo seed" } });
    for (const id of tagged) if (!reviewed.has(id)) reviewed.set(id, daysAgo(ctx.now, TAGGED_DAYS_AGO));
  }

  // Raw SQL: Prisma's @updatedAt would make every reviewed answer look saved by its respondent today.
  for (const [id, at] of reviewed) await tx.$executeRaw`UPDATE "Answer" SET "reviewedAt" = ${at}, "reviewedById" = ${coordinatorId} WHERE id = ${id}`;
  await tx.auditEvent.createMany({ data: events });
}

/** An answer as stored: option ids for choice questions, text for the others. */
function answerValue(q: QuestionContent, answer: AnswerContent, sections: Map<string, SeededSection>) {
  if ("choices" in answer) return { choices: answer.choices, text: null };
  if ("text" in answer) return { choices: [] as string[], text: answer.text };
  const section = must(sections, q.section ?? "", "section");
  return { choices: [] as string[], text: applyEdits(section.firstParagraph, answer.edits) };
}

/** Proposed wording: the paragraph with each passage replaced. Each passage must occur exactly once. */
export function applyEdits(paragraph: string, edits: Array<[string, string]>): string {
  let text = paragraph;
  for (const [passage, replacement] of edits) {
    if (text.split(passage).length !== 2) throw new Error(`Proposed wording: "${passage}" must occur exactly once in "${paragraph}".`);
    text = text.replace(passage, () => replacement);
  }
  return text;
}

// ───────────────────────────── content checks ─────────────────────────────

const CHOICE_TYPES = new Set(["SINGLE_CHOICE", "MULTIPLE_CHOICE", "AGREEMENT", "YES_NO"]);
const SINGLE_ANSWER_TYPES = new Set(["SINGLE_CHOICE", "AGREEMENT", "YES_NO"]);
const SHORT_TEXT_MAX = 500; // as the respondent's form allows

/** Problems in content.ts that would make a broken demo (empty when all is well). */
export function contentProblems(): string[] {
  const problems: string[] = [];
  const duplicates = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${what}: ${v}`);
      seen.add(v);
    }
  };
  const contacts = ORGANISATIONS.flatMap((o) => o.contacts.map((c) => ({ ...c, organisation: o.name })));
  duplicates("section key", SECTIONS.map((s) => s.key));
  duplicates("question key", QUESTIONS.map((q) => q.key));
  duplicates("organisation", ORGANISATIONS.map((o) => o.name));
  duplicates("email", [...STAFF_USERS.map((u) => u.email), ...contacts.map((c) => c.email)]);
  duplicates("response organisation", RESPONSES.map((r) => r.organisation));

  const typeKeys = new Set(STAKEHOLDER_TYPES.map((t) => t.key));
  for (const o of ORGANISATIONS) {
    if (!typeKeys.has(o.type)) problems.push(`${o.name}: unknown stakeholder type ${o.type}`);
    if (!o.contacts.some((c) => c.role === "SUBMITTER")) problems.push(`${o.name}: no contact may submit`);
  }
  for (const c of contacts) if (c.email !== c.email.toLowerCase()) problems.push(`${c.email}: emails are stored lower-case`);

  const sectionKeys = new Set(SECTIONS.map((s) => s.key));
  for (const q of QUESTIONS) {
    if (q.section !== null && !sectionKeys.has(q.section)) problems.push(`question ${q.key}: unknown section ${q.section}`);
    const ownOptions = q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
    if (ownOptions && (q.options?.length ?? 0) < 2) problems.push(`question ${q.key}: needs at least two options`);
    if (!ownOptions && q.options) problems.push(`question ${q.key}: ${q.type} takes no options of its own`);
    if (q.type === "PROPOSED_WORDING" && q.section === null) problems.push(`question ${q.key}: proposed wording needs a section`);
    // The respondent's form marks every question that is not required: a prompt saying so too shows it twice.
    const prompts = [q.prompt, ...Object.values(q.translations ?? {}).map((t) => t?.prompt ?? "")];
    if (prompts.some((p) => /\((optional|facultatif|opcional)\)/i.test(p))) problems.push(`question ${q.key}: the prompt says "(optional)" itself`);
  }

  const demo = ORGANISATIONS.find((o) => o.contacts.some((c) => c.email === DEMO_RESPONDENT_EMAIL));
  if (!demo) problems.push(`the demo respondent ${DEMO_RESPONDENT_EMAIL} is nobody's contact`);
  if (demo && RESPONSES.some((r) => r.organisation === demo.name)) problems.push(`${demo.name} must be left to the demo respondent`);

  for (const r of RESPONSES) problems.push(...responseProblems(r, contacts));
  const staff = new Set(STAFF_USERS.map((u) => u.email));
  // A written answer submitted before `daysAgo`: nobody triages what has not arrived.
  const answered = ([organisation, question]: [string, string], daysAgo: number) => {
    const response = RESPONSES.find((r) => r.organisation === organisation && r.status === "SUBMITTED");
    const answer = response?.answers[question];
    return answer !== undefined && !("choices" in answer) && (response?.submittedDaysAgo ?? 0) > daysAgo;
  };
  for (const item of WORKLIST) {
    if (item.section !== null && !sectionKeys.has(item.section)) problems.push(`worklist item “${item.summary}”: unknown section ${item.section}`);
    if (item.owner && !staff.has(item.owner)) problems.push(`worklist item “${item.summary}”: owner ${item.owner} is not staff`);
    if (item.status !== "OPEN" && !item.rationale) problems.push(`worklist item “${item.summary}”: a decision needs its rationale`);
    for (const source of item.sources) {
      if (!answered(source, item.createdDaysAgo)) problems.push(`worklist item “${item.summary}”: no written answer ${source.join(" / ")} submitted before it`);
    }
  }
  for (const [tag, ...source] of TAGS) if (!answered(source, TAGGED_DAYS_AGO)) problems.push(`tag ${tag}: no written answer ${source.join(" / ")} submitted before it`);
  return problems;
}

function responseProblems(r: ResponseContent, contacts: Array<{ email: string; role: string; organisation: string }>) {
  const problems: string[] = [];
  const where = `response of ${r.organisation}`;
  const author = contacts.find((c) => c.email === r.author && c.organisation === r.organisation);
  if (!author) problems.push(`${where}: ${r.author} is not one of its contacts`);
  if (r.status === "SUBMITTED") {
    if (author && author.role !== "SUBMITTER") problems.push(`${where}: ${r.author} may not submit`);
    if (r.submittedDaysAgo === undefined) problems.push(`${where}: submitted without submittedDaysAgo`);
    for (const q of QUESTIONS) if (q.required && !r.answers[q.key]) problems.push(`${where}: required question ${q.key} unanswered`);
  }
  const lastDay = r.submittedDaysAgo ?? r.lastSavedDaysAgo ?? 0;
  if (r.startedDaysAgo > -ROUND.opensInDays || lastDay > r.startedDaysAgo) problems.push(`${where}: dates out of order`);

  for (const [key, answer] of Object.entries(r.answers)) {
    const q = QUESTIONS.find((candidate) => candidate.key === key);
    if (!q) {
      problems.push(`${where}: unknown question ${key}`);
      continue;
    }
    if (CHOICE_TYPES.has(q.type)) {
      if (!("choices" in answer)) problems.push(`${where}: ${key} needs choices`);
      else {
        const ids = new Set(optionsFor(q).map((o) => o.id));
        for (const id of answer.choices) if (!ids.has(id)) problems.push(`${where}: ${key} has no option ${id}`);
        if (answer.choices.length === 0) problems.push(`${where}: ${key} has no choice`);
        if (SINGLE_ANSWER_TYPES.has(q.type) && answer.choices.length > 1) problems.push(`${where}: ${key} takes one choice`);
      }
    } else if (q.type === "PROPOSED_WORDING") {
      const section = SECTIONS.find((s) => s.key === q.section);
      if (!("edits" in answer) || !section) problems.push(`${where}: ${key} needs edits of a section`);
      else {
        try {
          applyEdits(firstParagraph(section.body), answer.edits);
        } catch (error) {
          problems.push(`${where}: ${key}: ${(error as Error).message}`);
        }
      }
    } else if (!("text" in answer) || answer.text.trim() === "") {
      problems.push(`${where}: ${key} needs text`);
    } else if (q.type === "SHORT_TEXT" && answer.text.length > SHORT_TEXT_MAX) {
      problems.push(`${where}: ${key} is longer than ${SHORT_TEXT_MAX} characters`);
    }
  }
  return problems;
}

function assertContentIsConsistent() {
  const problems = contentProblems();
  if (problems.length > 0) throw new Error(`The demo content is inconsistent:\n- ${problems.join("\n- ")}`);
}

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo seed: no ${what} for ${String(key)}`);
  return value;
}

/** 23:59 local time in `timeZone` on the calendar day that `date` falls on there. */
export function endOfDayIn(date: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const localMidnightAsUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), 23, 59);
  // The zone's offset at that moment: format the guess back in the zone and compare.
  const guess = new Date(localMidnightAsUtc);
  const shown = new Date(guess.toLocaleString("en-US", { timeZone }));
  const asUtc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(localMidnightAsUtc - (shown.getTime() - asUtc.getTime()));
}
