/** Tells an organisation's contacts that the coordinators gave it a later deadline. */
import { ActionButton, EmailLayout, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type DeadlineExtendedEmailProps = {
  contactName: string;
  organisationName: string;
  roundTitle: string;
  /** The new deadline, already formatted for the reader, with its time zone. */
  deadlineText: string;
  link: string;
  language: string;
};

export function subject(props: DeadlineExtendedEmailProps) {
  return emailStrings(props.language).extended.subject(props.roundTitle);
}

export function DeadlineExtendedEmail(props: DeadlineExtendedEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.extended.preview(props.deadlineText)} heading={t.extended.subject(props.roundTitle)}>
      <Paragraph>{t.greeting(props.contactName)}</Paragraph>
      <Paragraph>{t.extended.intro(props.organisationName, props.roundTitle)}</Paragraph>
      <Paragraph>{t.extended.deadline(props.deadlineText)}</Paragraph>
      <Paragraph>{t.extended.onlyYou}</Paragraph>
      <ActionButton href={props.link} label={t.extended.button} language={props.language} />
      <Paragraph>{t.extended.signInNote}</Paragraph>
    </EmailLayout>
  );
}

DeadlineExtendedEmail.PreviewProps = {
  contactName: "Amina Diallo",
  organisationName: "Survivor Network",
  roundTitle: "Round 1: first draft",
  deadlineText: "7 July 2026, 17:00 (Vienna time)",
  link: "http://localhost:3000/respond/example",
  language: "en",
} satisfies DeadlineExtendedEmailProps;

export default DeadlineExtendedEmail;
