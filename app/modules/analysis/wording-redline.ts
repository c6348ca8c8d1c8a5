/**
 * Proposed wording against the section: respondents often rewrite one paragraph, not the whole
 * section, so the redline is drawn against whichever of the whole text or one of its
 * paragraphs the wording changes least. Client-safe.
 */
import { redline, type RedlinePart } from "~/modules/document/redline";

const changedLength = (parts: RedlinePart[]) => parts.reduce((n, p) => n + (p.kind === "same" ? 0 : p.text.length), 0);

export function wordingRedline(sectionBody: string, wording: string): RedlinePart[] {
  const paragraphs = sectionBody.split(/\n\s*\n/).filter((p) => p.trim());
  const candidates = [sectionBody, ...(paragraphs.length > 1 ? paragraphs : [])];
  let best: RedlinePart[] | null = null;
  for (const base of candidates) {
    const parts = redline(base.trim(), wording.trim());
    if (!best || changedLength(parts) < changedLength(best)) best = parts;
  }
  return best ?? [];
}
