/**
 * A small closed round built by hand for the written-answers and worklist tests, so every
 * expected row is known: three attribution choices, a draft that must never show, a proposed
 * wording, a near-duplicate pair, a choice question (no text) and a second section.
 */
import { db } from "~/modules/db/client.server";
import { consultationWithRound } from "./round-fixture";
import { cookieFor } from "./route-helpers";

export const TEXTS = {
  publicScope: "Rehabilitation services must reach rural survivors.",
  typeOnlyScope: "Rehabilitation services must reach rural survivors and their families.",
  confidentialScope: "Psychosocial support is missing from the scope.",
  draftScope: "Rehabilitation draft that nobody submitted.",
  wording: "The scope covers all victims of cluster munitions.",
  services: "Services need long-term funding.",
};

export async function buildRound(slug: string) {
  const { consultation, round, scope, services } = await consultationWithRound({
    slug,
    title: `Text answers ${slug}`,
    sections: [
      { key: "scope", position: 1, heading: "Scope", body: "The scope covers victims of cluster munitions.\n\nIt also covers their families." },
      { key: "services", position: 2, heading: "Services", body: "The services." },
    ],
    round: { status: "CLOSED" },
  });
  const question = (position: number, type: "LONG_TEXT" | "PROPOSED_WORDING" | "AGREEMENT", sectionId: string, prompt: string) =>
    db().question.create({ data: { roundId: round.id, sectionId, position, type, prompt } });
  const q = {
    scopeComments: (await question(1, "LONG_TEXT", scope.id, "Comments on the scope?")).id,
    scopeWording: (await question(2, "PROPOSED_WORDING", scope.id, "Propose wording for the scope")).id,
    scopeAgree: (await question(3, "AGREEMENT", scope.id, "The scope is right.")).id,
    services: (await question(4, "LONG_TEXT", services.id, "Comments on services?")).id,
  };
  const state = await db().stakeholderType.upsert({ where: { key: "state" }, create: { key: "state", label: "State", position: 1 }, update: {} });
  const ngo = await db().stakeholderType.upsert({ where: { key: "ngo" }, create: { key: "ngo", label: "NGO", position: 2 }, update: {} });
  const org = (name: string, typeId: string) => db().organisation.create({ data: { name: `${name} ${slug}`, typeId } });
  const orgs = {
    public: await org("Public State", state.id),
    typeOnly: await org("Quiet NGO", ngo.id),
    confidential: await org("Secret NGO", ngo.id),
    draft: await org("Draft NGO", ngo.id),
  };
  const respond = async (organisationId: string, attribution: "PUBLIC" | "TYPE_ONLY" | "CONFIDENTIAL", status: "SUBMITTED" | "DRAFT", answers: Array<[string, string | null, string[]?]>) => {
    const response = await db().response.create({
      data: { roundId: round.id, organisationId, attribution, consentToPublish: attribution !== "CONFIDENTIAL", status, submittedAt: status === "SUBMITTED" ? new Date() : null },
    });
    const ids: string[] = [];
    for (const [questionId, text, choices] of answers) {
      ids.push((await db().answer.create({ data: { responseId: response.id, questionId, text, choices: choices ?? [] } })).id);
    }
    return ids;
  };
  const [publicScope, wording] = await respond(orgs.public.id, "PUBLIC", "SUBMITTED", [
    [q.scopeComments, TEXTS.publicScope],
    [q.scopeWording, TEXTS.wording],
    [q.scopeAgree, null, ["agree"]],
  ]);
  const [typeOnlyScope, servicesAnswer] = await respond(orgs.typeOnly.id, "TYPE_ONLY", "SUBMITTED", [
    [q.scopeComments, TEXTS.typeOnlyScope],
    [q.services, TEXTS.services],
  ]);
  const [confidentialScope] = await respond(orgs.confidential.id, "CONFIDENTIAL", "SUBMITTED", [[q.scopeComments, TEXTS.confidentialScope]]);
  const [draftScope] = await respond(orgs.draft.id, "PUBLIC", "DRAFT", [[q.scopeComments, TEXTS.draftScope]]);

  const person = async (email: string, role: "COORDINATOR" | "ANALYST") => {
    const user = await db().user.create({ data: { email: `${email}-${slug}@example.org`, name: `${email} ${slug}` } });
    await db().consultationMember.create({ data: { consultationId: consultation.id, userId: user.id, role } });
    return { id: user.id, name: user.name, cookie: await cookieFor(user.id) };
  };
  return {
    consultationId: consultation.id,
    roundId: round.id,
    q,
    orgs,
    answers: { publicScope: publicScope!, wording: wording!, typeOnlyScope: typeOnlyScope!, services: servicesAnswer!, confidentialScope: confidentialScope!, draftScope: draftScope! },
    coordinator: await person("coordinator", "COORDINATOR"),
    second: await person("second-coordinator", "COORDINATOR"),
    analyst: await person("analyst", "ANALYST"),
    base: `/consultations/${consultation.id}/rounds/${round.id}/answers`,
    params: { consultationId: consultation.id, roundId: round.id },
  };
}
