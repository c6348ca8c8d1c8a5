/**
 * The coordinators' forms (and sign-in and the language switcher) read their post through readForm: a post that is not a form (JSON,
 * plain text) is answered 400 with a message, and one over the size limit 413, never a 500,
 * and nothing changes. Route actions are called directly, as a coordinator of the consultation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { MAX_FORM_BYTES } from "~/modules/forms/read-form.server";
import { action as consultationSettings } from "~/routes/consultations.$consultationId.settings";
import { action as newConsultation } from "~/routes/consultations.new";
import { action as tracking } from "~/routes/consultations.$consultationId.rounds.$roundId._index";
import { action as invitations } from "~/routes/consultations.$consultationId.rounds.$roundId.invitations";
import { action as question } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.$questionId";
import { action as questions } from "~/routes/consultations.$consultationId.rounds.$roundId.questions._index";
import { action as newQuestion } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.new";
import { action as roundSettings } from "~/routes/consultations.$consultationId.rounds.$roundId.settings";
import { action as newRound } from "~/routes/consultations.$consultationId.rounds.new";
import { action as versions } from "~/routes/consultations.$consultationId.versions._index";
import { action as version } from "~/routes/consultations.$consultationId.versions.$versionId._index";
import { action as section } from "~/routes/consultations.$consultationId.versions.$versionId.sections.$sectionKey";
import { action as outbox } from "~/routes/outbox";
import { action as newOrganisation } from "~/routes/stakeholders.new";
import { action as types } from "~/routes/stakeholders.types";
import { action as draftImport } from "~/routes/consultations.$consultationId.versions.import._index";
import { action as language } from "~/routes/language";
import { action as signIn } from "~/routes/sign-in._index";
import { consultationWithRound } from "./round-fixture";
import { BASE, context, cookieFor, outcome } from "./route-helpers";

let cookie: string;
let params: Record<string, string>;

beforeAll(async () => {
  const lead = await db().user.create({ data: { email: "lead@forms.example", name: "Lead", isAdmin: true } });
  cookie = await cookieFor(lead.id);
  const f = await consultationWithRound({ slug: "forms", title: "Forms", members: [{ userId: lead.id, role: "COORDINATOR" }], round: { status: "DRAFT" } });
  const q = await db().question.create({ data: { roundId: f.round.id, sectionId: f.scope.id, position: 1, type: "LONG_TEXT", prompt: "Comments?" } });
  params = { consultationId: f.consultation.id, roundId: f.round.id, questionId: q.id, versionId: f.version.id, sectionKey: f.scope.key };
});

type Action = (args: { request: Request; params: Record<string, string>; context: typeof context }) => unknown;
const ACTIONS: Array<[string, Action]> = [
  ["consultations/new", newConsultation],
  ["consultation settings", consultationSettings],
  ["versions", versions],
  ["version", version],
  ["section", section],
  ["new round", newRound],
  ["round settings", roundSettings],
  ["tracking", tracking],
  ["invitations", invitations],
  ["questions", questions],
  ["new question", newQuestion],
  ["question", question],
  ["outbox", outbox],
  ["stakeholders/new", newOrganisation],
  ["stakeholder types", types],
  ["draft import (pasted text)", draftImport],
  ["language switcher", language],
  ["sign-in", signIn],
];

const send = (run: Action, body: BodyInit, headers: Record<string, string>) =>
  outcome(() => run({ request: new Request(`${BASE}/x`, { method: "POST", headers: { cookie, ...headers }, body }), params, context }));

describe("a post that is not a form", () => {
  it.each(ACTIONS)("is refused with 400 and a message by %s, changing nothing", async (_name, run) => {
    const before = await db().auditEvent.count();
    const json = await send(run, JSON.stringify({ intent: "delete" }), { "content-type": "application/json" });
    expect(json.status).toBe(400);
    expect(json.data.message).toMatch(/form/i);
    expect((await send(run, "intent=save", { "content-type": "text/plain" })).status).toBe(400);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("over the size limit is refused with 413", async () => {
    const big = await send(outbox, `to=${"x".repeat(MAX_FORM_BYTES + 1)}`, { "content-type": "application/x-www-form-urlencoded" });
    expect(big.status).toBe(413);
  });
});
