/**
 * Bad input on the pages of issue 5 (results to revision): a post whose body is not a form
 * (JSON, plain text, a multipart body cut short) is answered 400 with a message, never a 500
 * from `request.formData()`, on every action of the written answers, worklist, next draft and
 * summary pages; and nothing changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { action as answersAction } from "~/routes/consultations.$consultationId.rounds.$roundId.answers";
import { action as summaryAction } from "~/routes/consultations.$consultationId.rounds.$roundId.summary";
import { action as versionAction } from "~/routes/consultations.$consultationId.versions.$versionId._index";
import { action as compareAction } from "~/routes/consultations.$consultationId.versions.$versionId.compare";
import { action as sectionAction } from "~/routes/consultations.$consultationId.versions.$versionId.sections.$sectionKey";
import { action as versionsAction } from "~/routes/consultations.$consultationId.versions._index";
import { action as itemAction } from "~/routes/consultations.$consultationId.worklist.$itemId";
import { action as newItemAction } from "~/routes/consultations.$consultationId.worklist.new";
import { consultationWithRound } from "./round-fixture";
import { BASE, context, cookieFor, outcome } from "./route-helpers";

let coordinator: string;
let params: Record<string, string>;

beforeAll(async () => {
  const lead = await db().user.create({ data: { email: "lead@bad-bodies.test", name: "Lead" } });
  const { consultation, round, version } = await consultationWithRound({
    slug: "bad-bodies",
    title: "Bad bodies",
    members: [{ userId: lead.id, role: "COORDINATOR" }],
    round: { status: "CLOSED", closedAt: new Date() },
  });
  const item = await db().worklistItem.create({ data: { consultationId: consultation.id, roundId: round.id, sectionKey: "scope", summary: "An item" } });
  coordinator = await cookieFor(lead.id);
  params = { consultationId: consultation.id, roundId: round.id, versionId: version.id, sectionKey: "scope", itemId: item.id };
});

type Action = (args: { request: Request; params: Record<string, string>; context: typeof context }) => unknown;
const ACTIONS: Array<[string, Action]> = [
  ["written answers", answersAction as Action],
  ["summary", summaryAction as Action],
  ["version", versionAction as Action],
  ["compare (resolve items)", compareAction as Action],
  ["section editor", sectionAction as Action],
  ["versions (next draft)", versionsAction as Action],
  ["worklist item (decide)", itemAction as Action],
  ["new worklist item", newItemAction as Action],
];

const BODIES: Array<[string, string, string]> = [
  ["JSON", "application/json", JSON.stringify({ intent: "decide", status: "ACCEPTED" })],
  ["plain text", "text/plain", "status=ACCEPTED"],
  ["a cut-short multipart body", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"summary\"\r\n\r\nhalf"],
];

describe("a post that is not a form", () => {
  for (const [page, action] of ACTIONS) {
    it.each(BODIES)(`${page}: %s is a 400 with a message`, async (_, type, body) => {
      const before = await db().auditEvent.count();
      const request = new Request(`${BASE}/somewhere`, { method: "POST", headers: { cookie: coordinator, "content-type": type }, body });
      const result = await outcome(() => action({ request, params, context }));
      expect(result.status).toBe(400);
      expect(result.data).toEqual({ message: expect.any(String) });
      expect(await db().auditEvent.count()).toBe(before);
    });
  }
});
