/**
 * The start of the data sets the integration tests build by hand: a consultation (with its
 * team, if given), a locked first draft with the sections Scope and Services (or the given
 * ones), and round 1 on that draft. Each test file then adds its own questions, organisations
 * and responses.
 */
import type { Prisma, RoundStatus } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";

type Section = Prisma.SectionCreateWithoutVersionInput;

const SECTIONS: Section[] = [
  { key: "scope", position: 1, heading: "Scope" },
  { key: "services", position: 2, heading: "Services" },
];

export async function consultationWithRound({
  slug,
  title,
  members = [],
  sections = SECTIONS,
  round,
  draftTitle = "Draft 1",
}: {
  slug: string;
  title: string;
  members?: Array<{ userId: string; role: "COORDINATOR" | "ANALYST" }>;
  sections?: Section[];
  round: { status: RoundStatus; closedAt?: Date };
  draftTitle?: string;
}) {
  const consultation = await db().consultation.create({ data: { slug, title, ...(members.length ? { members: { create: members } } : {}) } });
  const version = await db().documentVersion.create({
    data: { consultationId: consultation.id, number: 1, title: draftTitle, lockedAt: new Date(), sections: { create: sections } },
    include: { sections: { orderBy: { position: "asc" } } },
  });
  const created = await db().round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 1, title: "Round 1", ...round } });
  return { consultation, version, round: created, scope: version.sections[0]!, services: version.sections[1]! };
}
