/**
 * A part of a published summary with nothing to report (no summary of its comments, no
 * decision, and a text that did not change or has no next draft yet) says so in one line
 * instead of three empty headings. Client-safe.
 */
import type { RedlinePart } from "~/modules/document/redline";

type Part = { key: string; change: string | null; parts: RedlinePart[] | null; themesHtml: string; items: readonly unknown[] };

/** Whether the next draft's text of this part differs from the consulted one. */
export const textChanged = (s: Pick<Part, "parts">) => !!s.parts?.some((p) => p.kind !== "same");

/** The message key of the one line, or null when the part has something to report. */
export function quietLine(s: Part): "quiet" | "quietDocument" | "quietUnrevised" | null {
  if (s.themesHtml || s.items.length > 0) return null;
  if (!s.key) return "quietDocument";
  if (!s.parts) return "quietUnrevised";
  return !textChanged(s) && (!s.change || s.change === "unchanged") ? "quiet" : null;
}
