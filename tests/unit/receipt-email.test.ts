/**
 * The receipt a submitter gets (issue 4): in each of the four languages, both the HTML and the
 * plain-text part carry the whole copy of the answers (section, question, answer with its line
 * breaks, "no answer" in the reader's words) and the attachment list, with no English heading
 * left in a French, Spanish or Arabic receipt.
 */
import { describe, expect, it } from "vitest";
import { renderEmail } from "~/modules/mail/render.server";
import { emailStrings } from "../../emails/strings";

const answers = [
  { section: "Section Alpha", question: "Question one?", answer: "First line\nSecond line" },
  { section: "Section Alpha", question: "Question two?", answer: "" },
  { section: "Section Beta", question: "Question three?", answer: "Choice X; Choice Y" },
];
const attachments = [
  { name: "signed-letter.pdf", size: "1.2 MB" },
  { name: "figures.xlsx", size: "48 KB" },
];
const english = emailStrings("en").receipt;

describe("the submission receipt", () => {
  for (const language of ["en", "fr", "es", "ar"]) {
    it(`in ${language}: the answers and the attachments, in both parts`, async () => {
      const strings = emailStrings(language).receipt;
      const r = await renderEmail("submission-receipt", {
        contactName: "Amina",
        organisationName: "Survivor Network",
        roundTitle: "Round 1",
        submittedAtText: "12/06/2026 14:03 UTC",
        version: 2,
        answers,
        attachments,
        link: "https://consult.test/respond/abc/review",
        language,
      });
      for (const part of [r.text, r.html]) {
        expect(part).toContain(strings.copyHeading);
        expect(part).toContain(strings.attachmentsHeading);
        expect(part).toContain(strings.noAnswer);
        for (const a of attachments) expect(part).toContain(`${a.name} (${a.size})`);
        for (const a of answers) expect(part).toContain(a.question);
        expect(part).toContain("Choice X; Choice Y");
        expect(part).toContain("https://consult.test/respond/abc/review");
      }
      // One heading per section, not per answer; the writer's line breaks kept.
      expect(r.text.split("Section Alpha").length - 1).toBe(1);
      expect(r.text).toContain("Section Beta");
      expect(r.text).toMatch(/First line\s*\n\s*Second line/);
      expect(r.html).toMatch(new RegExp(`<html[^>]*lang="${language}"[^>]*dir="${language === "ar" ? "rtl" : "ltr"}"|<html[^>]*dir="${language === "ar" ? "rtl" : "ltr"}"[^>]*lang="${language}"`));
      if (language !== "en") {
        for (const heading of [english.copyHeading, english.attachmentsHeading, english.noAnswer, english.button]) expect(r.text).not.toContain(heading);
        expect(r.subject).not.toContain("Receipt");
      }
    });
  }

  it("says so when no file is attached", async () => {
    for (const language of ["en", "fr", "es", "ar"]) {
      const r = await renderEmail("submission-receipt", {
        contactName: "Amina",
        organisationName: "Survivor Network",
        roundTitle: "Round 1",
        submittedAtText: "12/06/2026 14:03 UTC",
        answers,
        link: "https://consult.test/respond/abc/review",
        language,
      });
      expect(r.text).toContain(emailStrings(language).receipt.noAttachments);
    }
  });
});
