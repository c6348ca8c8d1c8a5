/** The receipt a contact gets when their organisation's response is submitted, with a copy of the answers. */
import { Fragment } from "react";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { ActionButton, EmailLayout, emailStyles, Paragraph, SubHeading } from "./layout";
import { emailLanguage, emailStrings, textDirection } from "./strings";

export type SubmissionReceiptEmailProps = {
  contactName: string;
  organisationName: string;
  roundTitle: string;
  /** Already formatted for the reader. */
  submittedAtText: string;
  /** The version number of this submission (1 for the first). */
  version?: number;
  /** In questionnaire order; consecutive answers of one section are shown under one heading. */
  answers: Array<{ section: string; question: string; answer: string }>;
  /** The files attached to the response, sizes already formatted for the reader. */
  attachments?: Array<{ name: string; size: string }>;
  link: string;
  language: string;
};

export function subject(props: SubmissionReceiptEmailProps) {
  return emailStrings(props.language).receipt.subject(props.organisationName, props.roundTitle);
}

type Group = { section: string; items: SubmissionReceiptEmailProps["answers"] };

function bySection(answers: SubmissionReceiptEmailProps["answers"]): Group[] {
  const groups: Group[] = [];
  for (const a of answers) {
    const last = groups[groups.length - 1];
    if (last && last.section === a.section) last.items.push(a);
    else groups.push({ section: a.section, items: [a] });
  }
  return groups;
}

/** Keeps the writer's line breaks (the plain-text part would otherwise run them together). */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

export function SubmissionReceiptEmail(props: SubmissionReceiptEmailProps) {
  const t = emailStrings(props.language);
  // Logical CSS (border-inline-start) is not understood by many mail clients: say which side.
  const side = textDirection(emailLanguage(props.language)) === "rtl" ? "Right" : "Left";
  const quoted = { [`border${side}`]: "4px solid #c4c4c4", [`padding${side}`]: "12px" };
  return (
    <EmailLayout language={props.language} preview={t.receipt.preview(props.roundTitle)} heading={t.receipt.subject(props.organisationName, props.roundTitle)}>
      <Paragraph>{t.greeting(props.contactName)}</Paragraph>
      <Paragraph>{t.receipt.intro(props.organisationName, props.roundTitle, props.submittedAtText)}</Paragraph>
      {props.version ? <Paragraph>{t.receipt.version(props.version)}</Paragraph> : null}
      <Paragraph>{t.receipt.changes}</Paragraph>
      <ActionButton href={props.link} label={t.receipt.button} language={props.language} />
      <SubHeading>{t.receipt.attachmentsHeading}</SubHeading>
      {props.attachments?.length ? (
        props.attachments.map((a, i) => (
          <Text key={i} style={{ ...emailStyles.text, margin: "0 0 4px" }}>
            • {a.name} ({a.size})
          </Text>
        ))
      ) : (
        <Paragraph>{t.receipt.noAttachments}</Paragraph>
      )}
      {props.answers.length > 0 ? <SubHeading>{t.receipt.copyHeading}</SubHeading> : null}
      {bySection(props.answers).map((group, g) => (
        <Section key={g} style={{ margin: "0 0 8px" }}>
          {group.section ? (
            <Text style={{ ...emailStyles.text, fontSize: "18px", fontWeight: 700, margin: "16px 0 8px" }}>{group.section}</Text>
          ) : null}
          {group.items.map((item, i) => (
            <Fragment key={i}>
              <Text style={{ ...emailStyles.text, fontWeight: 700, margin: "0 0 4px" }}>{item.question}</Text>
              <Text style={{ ...emailStyles.text, ...quoted }}>
                <Lines text={item.answer.trim() ? item.answer : t.receipt.noAnswer} />
              </Text>
            </Fragment>
          ))}
        </Section>
      ))}
    </EmailLayout>
  );
}

SubmissionReceiptEmail.PreviewProps = {
  contactName: "Amina Diallo",
  organisationName: "Survivor Network",
  roundTitle: "Round 1: first draft",
  submittedAtText: "12 June 2026, 14:03 (Vienna time)",
  version: 2,
  answers: [
    { section: "1. Data collection", question: "Do you agree with this section?", answer: "Agree" },
    { section: "1. Data collection", question: "Proposed wording", answer: "Replace “victims” with “survivors”.\nAdd a reference to consent." },
    { section: "Whole document", question: "Anything else?", answer: "" },
  ],
  attachments: [{ name: "Signed letter from the Ministry.pdf", size: "1.2 MB" }],
  link: "http://localhost:3000/respond/example/review",
  language: "en",
} satisfies SubmissionReceiptEmailProps;

export default SubmissionReceiptEmail;
