/** The respondent pages' translator, bound to the "review" namespace (serverT's default is "common"). */
import type { TFunction } from "i18next";

export function reviewText(t: TFunction) {
  return (key: string, options: Record<string, unknown> = {}) => t(key, { ...options, ns: "review" }) as string;
}
