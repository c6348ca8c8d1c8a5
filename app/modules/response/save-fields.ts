/**
 * The hidden fields that travel with a section's answers (client-safe): the idempotency key
 * of the save, the id of the page it was typed in, and per question the revision of the stored answer the typing started from.
 */
export const SAVE_KEY = "saveKey";
/** Each rendering of a section page: a stale save from another page (tab, device) is a conflict, even by the same person. */
export const PAGE_ID = "page";
export const revName = (questionId: string) => `rev_${questionId}`;
/** After a conflict: the stored revision the person has now seen (sent with "keep mine"). */
export const seenName = (questionId: string) => `seen_${questionId}`;
/** The submit button that settles a conflict: `mine:<questionId>` or `theirs:<questionId>`. */
export const RESOLVE = "resolve";

/** Random enough for an idempotency key, in any browser (randomUUID needs a secure context). */
export function newSaveKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A conflict as the page shows it. */
export type ConflictView = {
  questionId: string;
  /** What the other person saved, to read. */
  theirsText: string;
  /** The same as form values, for "use theirs" in the browser. */
  theirsValue: string | string[];
  revision: number;
  by: string;
  at: string;
};
