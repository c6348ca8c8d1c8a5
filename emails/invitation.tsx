/** A contact's personal invitation to respond to a consultation round. */
import { ActionButton, EmailLayout, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type InvitationEmailProps = {
  contactName: string;
  organisationName: string;
  consultationTitle: string;
  roundTitle: string;
  /** Already formatted for the reader, with its time zone, e.g. "30 June 2026, 17:00 (Vienna time)". */
  closesAtText: string;
  link: string;
  language: string;
};

export function subject(props: InvitationEmailProps) {
  return emailStrings(props.language).invitation.subject(props.consultationTitle, props.roundTitle);
}

export function InvitationEmail(props: InvitationEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.invitation.preview(props.organisationName)} heading={props.consultationTitle}>
      <Paragraph>{t.greeting(props.contactName)}</Paragraph>
      <Paragraph>{t.invitation.intro(props.organisationName, props.consultationTitle, props.roundTitle)}</Paragraph>
      {props.closesAtText ? <Paragraph>{t.invitation.closes(props.closesAtText)}</Paragraph> : null}
      <ActionButton href={props.link} label={t.invitation.button} language={props.language} />
      <Paragraph>{t.invitation.personal}</Paragraph>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  contactName: "Amina Diallo",
  organisationName: "Survivor Network",
  consultationTitle: "Draft national action plan",
  roundTitle: "Round 1: first draft",
  closesAtText: "30 June 2026, 17:00 (Vienna time)",
  link: "http://localhost:3000/invitations/example-token",
  language: "en",
} satisfies InvitationEmailProps;

export default InvitationEmail;
