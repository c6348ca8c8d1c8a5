/**
 * Seeds the demo consultation from the command line: `npx tsx prisma/seed/run.ts`.
 * Uses DATABASE_URL when set, else the embedded PostgreSQL under DATA_DIR (default ./data).
 * Applies migrations first; running it again on a seeded database changes nothing.
 */
import { createPrismaClient, type Db } from "../../app/modules/db/client.server";
import { applyMigrations } from "../../app/modules/db/migrate.server";
import { withDatabase } from "../../app/modules/db/runtime.server";
import { CONSULTATION } from "./content";
import { seedDemo, type SeedDemoResult } from "./demo";

const appUrl = (process.env.APP_URL || "http://localhost:3000").replace(/\/+$/, "");

async function main() {
  await withDatabase(async (url) => {
    await applyMigrations(url);
    const db = createPrismaClient(url, 2);
    try {
      const result = await seedDemo(db, { appUrl });
      console.log(await summary(db, result));
    } finally {
      await db.$disconnect();
    }
  });
}

async function summary(db: Db, result: SeedDemoResult): Promise<string> {
  const consultation = await db.consultation.findUniqueOrThrow({
    where: { slug: CONSULTATION.slug },
    include: {
      versions: { include: { _count: { select: { sections: true } } } },
      rounds: { include: { _count: { select: { questions: true, invitations: true } } } },
    },
  });
  const roundIds = consultation.rounds.map((r) => r.id);
  const responses = await db.response.groupBy({ by: ["status"], where: { roundId: { in: roundIds } }, _count: true });
  const links = await db.invitationLink.count({ where: { invitation: { roundId: { in: roundIds } } } });
  const round = consultation.rounds[0];
  return [
    result.seeded ? `Seeded the demo consultation "${consultation.title}".` : `The demo consultation "${consultation.title}" was already seeded; nothing changed.`,
    `  sections: ${consultation.versions.map((v) => `v${v.number} ${v._count.sections}`).join(", ")}`,
    round
      ? `  round ${round.number} (${round.status}, closes ${round.closesAt?.toISOString() ?? "—"}): ${round._count.questions} questions, ${round._count.invitations} invitations, ${links} personal links`
      : "  no round",
    `  responses: ${responses.map((r) => `${r._count} ${r.status.toLowerCase()}`).join(", ") || "none"}`,
    "",
    `  Coordinator: sign in at ${appUrl}/sign-in as ${result.coordinatorEmail}`,
    `  Respondent:  ${result.invitationUrl ?? "(the invitation link is shown only when seeding; tokens are stored hashed)"}`,
    `               or sign in as ${result.respondentEmail}`,
  ].join("\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
