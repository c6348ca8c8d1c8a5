/**
 * Who said it, as each reader may see it. One rule for every page and export:
 *
 * - coordinators see every organisation by name;
 * - analysts read every answer, but confidential ones ("confidential to the coordinators")
 *   without the organisation's name, and type-only ones by type;
 * - publication (published summary, exports meant for publication) carries only responses
 *   whose organisation consented to publication and did not ask for confidentiality; type-only
 *   ones show the stakeholder type, never the organisation.
 */
import type { Attribution } from "~/generated/prisma/enums";

export type Reader = "coordinator" | "analyst" | "publication";

export type Attributed = {
  attribution: Attribution;
  consentToPublish: boolean;
  organisationName: string;
  typeLabel: string;
};

/** Whether the answer may appear at all for this reader. */
export function isVisibleTo(reader: Reader, response: Pick<Attributed, "attribution" | "consentToPublish">): boolean {
  if (reader !== "publication") return true;
  return response.consentToPublish && response.attribution !== "CONFIDENTIAL";
}

/**
 * Whether this reader sees who answered. When not, nothing else that could single the
 * organisation out (such as the time it submitted) goes with the answer either.
 */
export function namesOrganisation(reader: Reader, response: Pick<Attributed, "attribution" | "consentToPublish">): boolean {
  return isVisibleTo(reader, response) && (reader === "coordinator" || response.attribution === "PUBLIC");
}

/** The name shown beside an answer; null when the answer must not be shown to this reader. */
export function attributionLabel(reader: Reader, response: Attributed): string | null {
  if (!isVisibleTo(reader, response)) return null;
  if (reader === "coordinator") return response.organisationName;
  if (response.attribution === "PUBLIC") return response.organisationName;
  if (response.attribution === "TYPE_ONLY") return `A respondent of type “${response.typeLabel}”`;
  return `A confidential respondent (${response.typeLabel})`;
}

/**
 * What a coordinator, who sees every name, must remember before quoting an answer: null when it
 * may be published with the organisation's name.
 */
export function publicationLimit(response: Pick<Attributed, "attribution" | "consentToPublish">): string | null {
  if (response.attribution === "CONFIDENTIAL") return "Confidential to the coordinators";
  if (!response.consentToPublish) return "Not for publication";
  if (response.attribution === "TYPE_ONLY") return "Publish by type only";
  return null;
}

/**
 * The same rule for pages worded in the reader's language: the organisation's name, or only its
 * type (the page words "a respondent of type …" itself); null when it must not be shown.
 */
export function publishedAttribution(response: Attributed): { name: string } | { type: string } | null {
  if (!isVisibleTo("publication", response)) return null;
  return response.attribution === "PUBLIC" ? { name: response.organisationName } : { type: response.typeLabel };
}

/** SQL condition (over a "Response" aliased r) for responses that may be published. */
export const PUBLISHABLE_SQL = `r."consentToPublish" AND r.attribution <> 'CONFIDENTIAL'`;
