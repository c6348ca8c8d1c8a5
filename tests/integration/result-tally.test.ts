/**
 * The results pages read "ResultTally", which triggers keep up to date (decision 008). After
 * each kind of change a response, an answer or an organisation can go through, the tally must
 * equal a count made from scratch over the tables, the way the results query used to count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";

let roundId: string;
const q = { agreement: "", multiple: "", text: "" };
const orgs: Record<string, string> = {};
const responses: Record<string, string> = {};

/** Non-zero tally rows of the round, as "question|option|type|country|languages|led" → count. */
async function tally() {
  const rows = await db().$queryRaw<Array<{ key: string; count: number }>>`
    SELECT concat_ws('|', "questionId", option, "typeId", country, languages, "survivorLed") AS key, count
    FROM "ResultTally" WHERE "roundId" = ${roundId} AND count <> 0 ORDER BY 1`;
  return Object.fromEntries(rows.map((r) => [r.key, r.count]));
}

/** The same counts from the tables: submitted responses, their organisations as they are now. */
async function recount() {
  const rows = await db().$queryRaw<Array<{ key: string; count: bigint }>>`
    SELECT concat_ws('|', k."questionId", k.option, o."typeId", coalesce(o.country, ''),
             array_to_string(ARRAY(SELECT DISTINCT l FROM unnest(o.languages) l ORDER BY l), ' '), o."survivorLed") AS key,
           count(*) AS count
    FROM "Response" r
    JOIN "Organisation" o ON o.id = r."organisationId"
    CROSS JOIN LATERAL (
      SELECT '' AS "questionId", '' AS option
      UNION ALL
      SELECT a."questionId", c FROM "Answer" a CROSS JOIN LATERAL unnest(a.choices) c
      WHERE a."responseId" = r.id AND a."questionId" <> ${q.text}
      UNION ALL
      SELECT a."questionId", '' FROM "Answer" a
      WHERE a."responseId" = r.id AND (cardinality(a.choices) > 0 OR (a."questionId" = ${q.text} AND a.text ~ '[^[:space:]]'))
    ) k
    WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED'
    GROUP BY 1 ORDER BY 1`;
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.count)]));
}

async function expectExact() {
  const [kept, counted] = await Promise.all([tally(), recount()]);
  expect(Object.keys(counted).length).toBeGreaterThan(0);
  expect(kept).toEqual(counted);
}

beforeAll(async () => {
  const consultation = await db().consultation.create({ data: { slug: "tally", title: "Tally test" } });
  const version = await db().documentVersion.create({
    data: { consultationId: consultation.id, number: 1, title: "Draft 1", lockedAt: new Date(), sections: { create: [{ key: "scope", position: 1, heading: "Scope" }] } },
    include: { sections: true },
  });
  roundId = (await db().round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 1, title: "Round 1", status: "OPEN" } })).id;
  const sectionId = version.sections[0]!.id;
  q.agreement = (await db().question.create({ data: { roundId, sectionId, position: 1, prompt: "Agree?", type: "AGREEMENT", options: [] } })).id;
  q.multiple = (await db().question.create({
    data: { roundId, sectionId, position: 2, prompt: "Which?", type: "MULTIPLE_CHOICE", options: [{ id: "x", label: "X" }, { id: "y", label: "Y" }] },
  })).id;
  q.text = (await db().question.create({ data: { roundId, sectionId, position: 3, prompt: "Comments", type: "LONG_TEXT", options: [] } })).id;
  const state = await db().stakeholderType.create({ data: { key: "state", label: "State", position: 1 } });
  const ngo = await db().stakeholderType.create({ data: { key: "ngo", label: "NGO", position: 2 } });
  for (const [name, typeId, country, languages] of [
    ["Laos", state.id, "LA", ["fr", "en"]],
    ["Iraq", state.id, "IQ", ["ar"]],
    ["NGO", ngo.id, null, ["en"]],
  ] as const) {
    orgs[name] = (await db().organisation.create({ data: { name, typeId, country, languages: [...languages] } })).id;
  }
  for (const name of Object.keys(orgs)) {
    const response = await db().response.create({ data: { roundId, organisationId: orgs[name]!, status: "DRAFT" } });
    responses[name] = response.id;
    await db().answer.createMany({
      data: [
        { responseId: response.id, questionId: q.agreement, choices: ["agree"] },
        { responseId: response.id, questionId: q.multiple, choices: ["x", "y"] },
        { responseId: response.id, questionId: q.text, text: name === "Iraq" ? "  " : `Comment from ${name}.` },
      ],
    });
  }
});

describe("the results tally", () => {
  it("counts nothing for drafts, and a response once it is submitted", async () => {
    expect(await tally()).toEqual({});
    await db().response.update({ where: { id: responses.Laos }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    await db().response.updateMany({ where: { id: { in: [responses.Iraq!, responses.NGO!] } }, data: { status: "SUBMITTED" } });
    await expectExact();
  });

  it("follows answers changed, added and removed after submission, and ignores drafts' autosaves", async () => {
    await db().answer.update({ where: { responseId_questionId: { responseId: responses.Laos!, questionId: q.multiple } }, data: { choices: ["y"] } });
    await db().answer.update({ where: { responseId_questionId: { responseId: responses.Iraq!, questionId: q.text } }, data: { text: "Now it says something." } });
    await db().answer.delete({ where: { responseId_questionId: { responseId: responses.NGO!, questionId: q.agreement } } });
    await db().answer.updateMany({ where: { questionId: q.agreement }, data: { reviewedAt: new Date() } });
    await expectExact();
  });

  it("takes a withdrawn response off and puts it back when submitted again", async () => {
    await db().response.update({ where: { id: responses.Iraq }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    await expectExact();
    await db().response.update({ where: { id: responses.Iraq }, data: { status: "SUBMITTED", withdrawnAt: null } });
    await expectExact();
  });

  it("moves a response's counts when its organisation's type, country, languages or survivor-led change", async () => {
    const ngo = await db().stakeholderType.findUniqueOrThrow({ where: { key: "ngo" } });
    await db().organisation.update({ where: { id: orgs.Laos }, data: { country: "KH", languages: ["km"], typeId: ngo.id, survivorLed: true } });
    await db().organisation.update({ where: { id: orgs.NGO }, data: { name: "Renamed NGO" } });
    await expectExact();
  });

  it("takes deleted responses off, and a response recorded as submitted counts at once", async () => {
    await db().response.delete({ where: { id: responses.Iraq } });
    await db().response.create({
      data: { roundId, organisationId: orgs.Iraq!, status: "SUBMITTED", answers: { create: [{ questionId: q.agreement, choices: ["disagree"] }] } },
    });
    await expectExact();
  });
});
