import { describe, expect, it } from "vitest";
import { actionInWords, detailsInWords } from "~/modules/audit/audit-words";

describe("the audit log in words", () => {
  it("reads an action code as its subject and what happened", () => {
    expect(actionInWords("questionnaire.question-retired")).toBe("Questionnaire: question retired");
    expect(actionInWords("round.opened")).toBe("Round: opened");
    expect(actionInWords("legacy")).toBe("legacy");
  });

  it("writes an entry's data with its keys in words, values as they are, and at most 300 characters", () => {
    expect(detailsInWords({ extendedUntil: "2027-01-31", remindersSent: 2, reasons: ["type"] })).toBe(
      'extended until: 2027-01-31; reminders sent: 2; reasons: ["type"]',
    );
    expect(detailsInWords(null)).toBe("");
    expect(detailsInWords({ text: "x".repeat(500) })).toHaveLength(300);
  });

  it("counts lists of record ids and writes a change as from → to", () => {
    expect(detailsInWords({ answers: ["cmx2e2f240081vt7d8kuuoj8j", "cmx2e2f25008vt7d60zd9o1aa"], tags: ["gender"] })).toBe('answers: 2; tags: ["gender"]');
    expect(detailsInWords({ changed: { status: { from: "OPEN", to: "REFERRED" }, rationale: { from: "", to: "Later." } } })).toBe(
      "changed: status OPEN → REFERRED, rationale (empty) → Later.",
    );
  });
});
