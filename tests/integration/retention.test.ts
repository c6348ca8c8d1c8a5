/**
 * Rows that only matter for a while are deleted once they cannot be used, and only then:
 * each kind is seeded just past and just within its lifetime.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { purgeExpired } from "~/modules/db/retention.server";

const NOW = new Date("2026-11-29T12:00:00Z");
const DAY = 24 * 60 * 60_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let userId: string;
let responseId: string;

beforeAll(async () => {
  userId = (await db().user.create({ data: { email: "kept@retention.example", name: "Kept" } })).id;
  const consultation = await db().consultation.create({ data: { slug: "retention", title: "Retention" } });
  const version = await db().documentVersion.create({ data: { consultationId: consultation.id, number: 1, title: "Draft" } });
  const round = await db().round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 1, title: "Round" } });
  const type = await db().stakeholderType.create({ data: { key: "ngo", label: "NGO", position: 1 } });
  const organisation = await db().organisation.create({ data: { name: "NGO", typeId: type.id } });
  responseId = (await db().response.create({ data: { roundId: round.id, organisationId: organisation.id } })).id;

  const session = (name: string, expiresAt: Date, revokedAt: Date | null = null) =>
    db().session.create({ data: { tokenHash: name, userId, expiresAt, revokedAt } });
  await session("expired-long-ago", ago(31));
  await session("revoked-long-ago", ago(-10), ago(31));
  await session("expired-recently", ago(29)); // still recognised as "expired": a post's text is stashed
  await session("live", ago(-10));
  const token = (name: string, expiresAt: Date) => db().signInToken.create({ data: { userId, tokenHash: name, codeHash: name, expiresAt } });
  await token("old-link", ago(2));
  await token("fresh-link", ago(-0.01));
  await db().rateLimitCounter.createMany({ data: [{ key: "old", windowStart: ago(2) }, { key: "current", windowStart: ago(0.005) }] });
  const stash = (id: string, expiresAt: Date) =>
    db().stashedSave.create({ data: { id, tokenHash: id, invitationId: "any", sectionKey: "scope", fields: {}, expiresAt } });
  await stash("stash-expired", ago(0.001));
  await stash("stash-kept", ago(-6));
  await db().saveReceipt.createMany({ data: [{ key: "old-receipt", responseId, createdAt: ago(8) }, { key: "new-receipt", responseId, createdAt: ago(1) }] });
  await db().pendingImport.createMany({
    data: [
      { id: "import-old", kind: "stakeholders", createdById: userId, filename: "a.csv", payload: {}, createdAt: ago(8) },
      { id: "import-new", kind: "stakeholders", createdById: userId, filename: "b.csv", payload: {}, createdAt: ago(1) },
    ],
  });
});

describe("purging expired rows", () => {
  it("deletes what has outlived its use and keeps everything still usable", async () => {
    const purged = await purgeExpired(NOW);
    expect(purged).toEqual({ sessions: 2, signInTokens: 1, rateLimitCounters: 1, stashedSaves: 1, saveReceipts: 1, pendingImports: 1 });
    expect((await db().session.findMany({ orderBy: { tokenHash: "asc" } })).map((s) => s.tokenHash)).toEqual(["expired-recently", "live"]);
    expect((await db().signInToken.findMany()).map((t) => t.tokenHash)).toEqual(["fresh-link"]);
    expect((await db().rateLimitCounter.findMany()).map((c) => c.key)).toEqual(["current"]);
    expect((await db().stashedSave.findMany()).map((s) => s.id)).toEqual(["stash-kept"]);
    expect((await db().saveReceipt.findMany()).map((r) => r.key)).toEqual(["new-receipt"]);
    expect((await db().pendingImport.findMany()).map((p) => p.id)).toEqual(["import-new"]);
    // Run again: nothing more to do.
    expect(Object.values(await purgeExpired(NOW)).every((n) => n === 0)).toBe(true);
  });
});
