/**
 * A small consultation built by hand for the next-draft and summary tests: version 1 (three
 * sections, one of them empty) used by a closed round; four organisations that submitted with
 * each attribution choice (public, type-only, confidential, public without consent to publish)
 * and one that only drafted; a worklist item per section made from their comments.
 */
import type { Attribution, ResponseStatus } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { consultationWithRound } from "./round-fixture";

export type Fixture = Awaited<ReturnType<typeof buildConsultation>>;

type Org = { name: string; attribution: Attribution; consent: boolean; status: ResponseStatus; comment: string; language: string };

export const ORGS: Org[] = [
  { name: "Open Survivors Network", attribution: "PUBLIC", consent: true, status: "SUBMITTED", comment: "PUBLIC-COMMENT: say survivors, not victims.", language: "en" },
  { name: "Quiet Ministry of Health", attribution: "TYPE_ONLY", consent: true, status: "SUBMITTED", comment: "TYPE-ONLY-COMMENT: add budgets.", language: "fr" },
  { name: "Secret Rehabilitation Centre", attribution: "CONFIDENTIAL", consent: true, status: "SUBMITTED", comment: "CONFIDENTIAL-COMMENT: our clinic data.", language: "es" },
  { name: "Unconsenting Agency", attribution: "PUBLIC", consent: false, status: "SUBMITTED", comment: "NO-CONSENT-COMMENT: not for print.", language: "ar" },
  { name: "Drafting Association", attribution: "PUBLIC", consent: true, status: "DRAFT", comment: "DRAFT-COMMENT: unfinished.", language: "en" },
];

export async function buildConsultation(slug: string) {
  const coordinator = await db().user.create({ data: { email: `coordinator-${slug}@example.org`, name: "Coordinator" } });
  const analyst = await db().user.create({ data: { email: `analyst-${slug}@example.org`, name: "Analyst" } });
  const { consultation, version, round, scope, services } = await consultationWithRound({
    slug,
    title: `Guidance (${slug})`,
    members: [{ userId: coordinator.id, role: "COORDINATOR" }, { userId: analyst.id, role: "ANALYST" }],
    draftTitle: "First draft",
    sections: [
      { key: "scope", position: 1, heading: "1. Scope", body: "This guidance helps victims and their families.", tags: ["LAP 31"], translations: { fr: { heading: "1. Portée" } } },
      { key: "services", position: 2, heading: "2. Services", body: "States provide medical care." },
      { key: "annex", position: 3, heading: "3. Annex", body: "" },
    ],
    round: { status: "CLOSED", closedAt: new Date() },
  });
  const scopeQuestion = await db().question.create({ data: { roundId: round.id, sectionId: scope.id, position: 1, type: "LONG_TEXT", prompt: "Comments on the scope?" } });
  const servicesQuestion = await db().question.create({ data: { roundId: round.id, sectionId: services.id, position: 2, type: "LONG_TEXT", prompt: "Comments on services?" } });
  const type = await db().stakeholderType.upsert({ where: { key: `type-${slug}` }, create: { key: `type-${slug}`, label: `Type ${slug}`, position: 1 }, update: {} });

  const orgs: Record<string, { id: string; invitationId: string; contactEmails: string[]; answerId: string; servicesAnswerId: string }> = {};
  for (const [i, o] of ORGS.entries()) {
    const org = await db().organisation.create({ data: { name: `${o.name} ${slug}`, typeId: type.id } });
    const emails = [`first-${i}-${slug}@example.org`, `second-${i}-${slug}@example.org`];
    for (const [j, email] of emails.entries()) {
      const user = await db().user.create({ data: { email, name: `Contact ${i}.${j}`, language: j === 0 ? o.language : "en" } });
      await db().contact.create({ data: { organisationId: org.id, userId: user.id, role: j === 0 ? "SUBMITTER" : "CONTRIBUTOR" } });
    }
    const invitation = await db().invitation.create({ data: { roundId: round.id, organisationId: org.id } });
    const response = await db().response.create({
      data: {
        roundId: round.id,
        organisationId: org.id,
        status: o.status,
        attribution: o.attribution,
        consentToPublish: o.consent,
        submittedAt: o.status === "SUBMITTED" ? new Date() : null,
        answers: {
          create: [
            { questionId: scopeQuestion.id, text: o.comment },
            { questionId: servicesQuestion.id, text: `${o.comment} (services)` },
          ],
        },
      },
      include: { answers: true },
    });
    const answerId = response.answers.find((a) => a.questionId === scopeQuestion.id)!.id;
    const servicesAnswerId = response.answers.find((a) => a.questionId === servicesQuestion.id)!.id;
    orgs[o.name] = { id: org.id, invitationId: invitation.id, contactEmails: emails, answerId, servicesAnswerId };
  }
  const allScope = Object.values(orgs).map((o) => ({ answerId: o.answerId }));
  const scopeItem = await db().worklistItem.create({
    data: {
      consultationId: consultation.id,
      roundId: round.id,
      sectionKey: "scope",
      summary: "Say survivors rather than victims",
      status: "ACCEPTED",
      rationale: "Survivors asked for it; it matches the Convention's wording.",
      sources: { create: allScope },
    },
  });
  const servicesItem = await db().worklistItem.create({
    data: {
      consultationId: consultation.id,
      roundId: round.id,
      sectionKey: "services",
      summary: "Name psychosocial support",
      status: "NOT_ACCEPTED",
      rationale: "Covered in section 6.",
      sources: { create: [{ answerId: orgs[ORGS[0]!.name]!.servicesAnswerId }] },
    },
  });
  return { consultation, version, round, coordinator, analyst, orgs, scopeItem, servicesItem, type };
}
