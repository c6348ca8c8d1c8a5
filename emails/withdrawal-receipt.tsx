/** Confirms to the submitter that their organisation's response was withdrawn, and what that means. */
import { ActionButton, EmailLayout, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type WithdrawalReceiptEmailProps = {
  contactName: string;
  organisationName: string;
  roundTitle: string;
  /** Already formatted for the reader, with its time zone. */
  withdrawnAtText: string;
  link: string;
  language: string;
};

export function subject(props: WithdrawalReceiptEmailProps) {
  return emailStrings(props.language).withdrawal.subject(props.organisationName, props.roundTitle);
}

export function WithdrawalReceiptEmail(props: WithdrawalReceiptEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.withdrawal.preview(props.roundTitle)} heading={subject(props)}>
      <Paragraph>{t.greeting(props.contactName)}</Paragraph>
      <Paragraph>{t.withdrawal.intro(props.organisationName, props.roundTitle, props.withdrawnAtText)}</Paragraph>
      <Paragraph>{t.withdrawal.kept}</Paragraph>
      <ActionButton href={props.link} label={t.withdrawal.button} language={props.language} />
    </EmailLayout>
  );
}

WithdrawalReceiptEmail.PreviewProps = {
  contactName: "Amina Diallo",
  organisationName: "Survivor Network",
  roundTitle: "Round 1: first draft",
  withdrawnAtText: "14 June 2026, 09:30 (Vienna time)",
  link: "http://localhost:3000/respond/example/review",
  language: "en",
} satisfies WithdrawalReceiptEmailProps;

export default WithdrawalReceiptEmail;
