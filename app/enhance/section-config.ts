/**
 * What the section page hands its enhancement script (app/enhance/section.ts): rendered by the
 * server into a `<script type="application/json">` block (data, never run), since the script
 * has no i18next and no loader data. Strings are already in the reader's language.
 */
export const SECTION_CONFIG_ID = "section-enhance";

export type SectionConfig = {
  /** Where autosaves post (the section's own action, answered as JSON). */
  autosaveUrl: string;
  /** localStorage key of this device's draft, per invitation and section. */
  storageKey: string;
  /** The round accepts answers: autosave, keep drafts, warn before the session ends. */
  enabled: boolean;
  /** The page follows a save made with a button: what this device kept is now stored. */
  justSaved: boolean;
  idleMinutes: number;
  warnMinutes: number;
  /** For "Saved at 14:02" and the draft's time, in the reader's language. */
  locale: string;
  /** The section's text, which proposed wording starts from (for the live redline). */
  start: string;
  text: {
    saving: string;
    savedAt: string;
    offline: string;
    failed: string;
    invalid: string;
    closed: string;
    expired: string;
    signInAgain: string;
    restoreBody: string;
    showChanges: string;
    hideChanges: string;
    changesTitle: string;
    inserted: string;
    deleted: string;
    changeEnd: string;
    noChanges: string;
  };
};

/** The server's answer to an autosave (app/routes/respond.$invitationId.sections.$sectionKey_.autosave.ts). */
export type AutosaveResult =
  | { kind: "saved"; savedAt: string; revisions: Record<string, number> }
  | { kind: "conflict"; revisions: Record<string, number> }
  | { kind: "expired"; signInHref: string }
  | { kind: "closed" | "invalid" };
