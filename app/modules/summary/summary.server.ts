/**
 * A round's summary, "what we heard, what we changed", exactly as it is published: per section
 * of the round's version, the themes the coordinators wrote, the worklist decisions with their
 * rationale and the comments behind them, and the redline from the round's version to the
 * version that resolved them. Quoted comments follow the publication rule of attribution.ts:
 * confidential or non-consented answers never appear; type-only ones show the type only.
 */
import type { SummaryViewData } from "~/components/summary/summary-view";
import type { WorklistStatus } from "~/generated/prisma/enums";
import { publishedAttribution } from "~/modules/analysis/attribution";
import { db } from "~/modules/db/client.server";
import { formatDateTime } from "~/modules/round/dates";
import { renderMarkdown } from "~/modules/document/markdown.server";
import type { RedlinePart } from "~/modules/document/redline";
import { compareSections, type SectionChange } from "~/modules/revision/compare.server";
import { WHOLE_DOCUMENT } from "./schemas";


/** A quoted comment and who said it: the organisation by name, or only its type (worded by the page). */
export type SummaryQuote = { name?: string; type?: string; text: string };
/** `doneIn`: the version that resolved it (its decision stays). */
export type SummaryItem = { id: string; summary: string; status: WorklistStatus; rationale: string; doneIn: number | null; quotes: SummaryQuote[] };
export type SummarySection = {
  key: string;
  heading: string;
  change: SectionChange | null;
  empty: boolean;
  parts: RedlinePart[] | null;
  themes: string;
  themesHtml: string;
  items: SummaryItem[];
};

/** The round's items with their sources, and the newest version that resolved any of them. */
async function itemsOf(roundId: string) {
  const items = await db().worklistItem.findMany({
    where: { roundId },
    orderBy: { createdAt: "asc" },
    include: {
      resolvedInVersion: { select: { id: true, number: true } },
      sources: {
        include: {
          answer: { include: { response: { include: { organisation: { include: { type: true } } } } } },
        },
      },
    },
  });
  const revised = items
    .map((i) => i.resolvedInVersion)
    .filter((v): v is { id: string; number: number } => !!v)
    .sort((a, b) => b.number - a.number)[0];
  return { items, revisedId: revised?.id ?? null };
}

function quotesOf(item: Awaited<ReturnType<typeof itemsOf>>["items"][number]): SummaryQuote[] {
  return item.sources.flatMap(({ answer }) => {
    const response = answer.response;
    const text = answer.text?.trim();
    if (!text || response.status !== "SUBMITTED") return [];
    const who = {
      attribution: response.attribution,
      consentToPublish: response.consentToPublish,
      organisationName: response.organisation.name,
      typeLabel: response.organisation.type.label,
    };
    const shown = publishedAttribution(who);
    return shown ? [{ ...shown, text }] : [];
  });
}

export async function loadSummary(roundId: string) {
  const round = await db().round.findUnique({
    where: { id: roundId },
    include: {
      consultation: { select: { id: true, title: true, languages: true } },
      version: { include: { sections: { orderBy: { position: "asc" } } } },
      summarySections: true,
    },
  });
  if (!round) return null;
  const { items, revisedId } = await itemsOf(roundId);
  const revised = revisedId
    ? await db().documentVersion.findUniqueOrThrow({ where: { id: revisedId }, include: { sections: { orderBy: { position: "asc" } } } })
    : null;
  const themesOf = (key: string) => round.summarySections.find((s) => s.sectionKey === key)?.themes ?? "";
  const itemsAbout = (key: string | null) =>
    items.filter((i) => i.sectionKey === key).map((i) => ({ id: i.id, summary: i.summary, status: i.status, rationale: i.rationale, doneIn: i.resolvedInVersion?.number ?? null, quotes: quotesOf(i) }));
  const section = (key: string, heading: string, compared: ReturnType<typeof compareSections>[number] | null): SummarySection => {
    const themes = themesOf(key);
    return {
      key,
      heading,
      change: compared?.change ?? null,
      empty: compared?.empty ?? false,
      parts: compared ? compared.parts : null,
      themes,
      themesHtml: themes ? renderMarkdown(themes, { anchorPrefix: `themes-${key || "document"}-p` }) : "",
      items: itemsAbout(key === WHOLE_DOCUMENT ? null : key),
    };
  };
  const compared = revised ? compareSections(round.version.sections, revised.sections) : null;
  const sections: SummarySection[] = compared
    ? compared.map((c) => section(c.key, c.heading, c))
    : round.version.sections.map((s) => section(s.key, s.heading, null));
  sections.push(section(WHOLE_DOCUMENT, "", null));
  return {
    roundId: round.id,
    roundTitle: round.title,
    roundStatus: round.status,
    consultationId: round.consultation.id,
    consultationTitle: round.consultation.title,
    sourceLanguage: round.consultation.languages[0] ?? "en",
    publishedAt: round.summaryPublishedAt,
    timeZone: round.timeZone,
    intro: round.summaryIntro,
    introHtml: round.summaryIntro ? renderMarkdown(round.summaryIntro, { anchorPrefix: "intro-p" }) : "",
    baseNumber: round.version.number,
    revised: revised ? { id: revised.id, number: revised.number } : null,
    sections,
  };
}

export type Summary = NonNullable<Awaited<ReturnType<typeof loadSummary>>>;

/** A published summary for anyone, or null (unknown round, or not published). */
export async function loadPublishedSummary(roundId: string) {
  const summary = await loadSummary(roundId);
  return summary?.publishedAt ? summary : null;
}

/** What <SummaryView> shows, and nothing else (no ids of answers, no raw texts beyond it). */
export function summaryView(summary: Summary, locale?: string): SummaryViewData {
  return {
    roundTitle: summary.roundTitle,
    consultationTitle: summary.consultationTitle,
    sourceLanguage: summary.sourceLanguage,
    publishedText: summary.publishedAt ? formatDateTime(summary.publishedAt, summary.timeZone, locale) : null,
    introHtml: summary.introHtml,
    baseNumber: summary.baseNumber,
    revised: summary.revised ? { number: summary.revised.number } : null,
    sections: summary.sections.map((s) => ({
      key: s.key,
      heading: s.heading,
      change: s.change,
      empty: s.empty,
      parts: s.parts,
      themesHtml: s.themesHtml,
      items: s.items,
    })),
  };
}
