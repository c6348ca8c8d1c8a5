/** Tells a consultation's coordinators that a round has opened (on its own, at its opening time, or by a colleague). */
import { ActionButton, EmailLayout, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type RoundOpenedEmailProps = {
  name: string;
  consultationTitle: string;
  roundTitle: string;
  /** Already formatted for the reader, with its time zone. */
  closesAtText: string;
  organisations: number;
  links: number;
  link: string;
  language: string;
};

export function subject(props: RoundOpenedEmailProps) {
  return emailStrings(props.language).roundOpened.subject(props.roundTitle);
}

export function RoundOpenedEmail(props: RoundOpenedEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.roundOpened.preview(props.consultationTitle)} heading={t.roundOpened.subject(props.roundTitle)}>
      <Paragraph>{t.greeting(props.name)}</Paragraph>
      <Paragraph>{t.roundOpened.intro(props.consultationTitle, props.roundTitle)}</Paragraph>
      <Paragraph>{t.roundOpened.sent(props.organisations, props.links)}</Paragraph>
      {props.closesAtText ? <Paragraph>{t.roundOpened.closes(props.closesAtText)}</Paragraph> : null}
      <ActionButton href={props.link} label={t.roundOpened.button} language={props.language} />
    </EmailLayout>
  );
}

RoundOpenedEmail.PreviewProps = {
  name: "Coordinator (Austria)",
  consultationTitle: "Draft national action plan",
  roundTitle: "Round 1: first draft",
  closesAtText: "30 June 2026, 17:00 (Vienna time)",
  organisations: 12,
  links: 19,
  link: "http://localhost:3000/consultations/example/rounds/example",
  language: "en",
} satisfies RoundOpenedEmailProps;

export default RoundOpenedEmail;
