/** A reminder to a contact whose organisation has not submitted yet, sent by hand or on the round's schedule. */
import { ActionButton, EmailLayout, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type ReminderEmailProps = {
  contactName: string;
  organisationName: string;
  roundTitle: string;
  /** Already formatted for the reader, with its time zone. */
  deadlineText: string;
  /** The organisation has saved answers but not submitted them. */
  draftStarted: boolean;
  link: string;
  language: string;
};

export function subject(props: ReminderEmailProps) {
  return emailStrings(props.language).reminder.subject(props.roundTitle);
}

export function ReminderEmail(props: ReminderEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.reminder.preview(props.deadlineText)} heading={t.reminder.subject(props.roundTitle)}>
      <Paragraph>{t.greeting(props.contactName)}</Paragraph>
      <Paragraph>
        {props.draftStarted
          ? t.reminder.draftStarted(props.organisationName, props.roundTitle)
          : t.reminder.notStarted(props.organisationName, props.roundTitle)}
      </Paragraph>
      {props.deadlineText ? <Paragraph>{t.reminder.deadline(props.deadlineText)}</Paragraph> : null}
      <ActionButton href={props.link} label={t.reminder.button} language={props.language} />
      <Paragraph>{t.reminder.signInNote}</Paragraph>
    </EmailLayout>
  );
}

ReminderEmail.PreviewProps = {
  contactName: "Amina Diallo",
  organisationName: "Survivor Network",
  roundTitle: "Round 1: first draft",
  deadlineText: "30 June 2026, 17:00 (Vienna time)",
  draftStarted: true,
  link: "http://localhost:3000/respond/example",
  language: "en",
} satisfies ReminderEmailProps;

export default ReminderEmail;
