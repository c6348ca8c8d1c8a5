/** Tells each contact of an organisation that answered that the round's summary is published, with what happened to its comments. */
import { ActionButton, EmailLayout, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type SummaryPublishedEmailProps = {
  contactName: string;
  organisationName: string;
  consultationTitle: string;
  roundTitle: string;
  /** The organisation's own outcome page (sign-in needed). */
  outcomeLink: string;
  /** The public summary. */
  summaryLink: string;
  language: string;
};

export function subject(props: SummaryPublishedEmailProps) {
  return emailStrings(props.language).summary.subject(props.roundTitle);
}

export function SummaryPublishedEmail(props: SummaryPublishedEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.summary.preview(props.consultationTitle)} heading={t.summary.subject(props.roundTitle)}>
      <Paragraph>{t.greeting(props.contactName)}</Paragraph>
      <Paragraph>{t.summary.intro(props.consultationTitle, props.roundTitle)}</Paragraph>
      <Paragraph>{t.summary.outcome(props.organisationName)}</Paragraph>
      <ActionButton href={props.outcomeLink} label={t.summary.button} language={props.language} />
      <Paragraph>
        {t.summary.publicLink} {props.summaryLink}
      </Paragraph>
    </EmailLayout>
  );
}

SummaryPublishedEmail.PreviewProps = {
  contactName: "Amina Diallo",
  organisationName: "Survivor Network",
  consultationTitle: "Guidance on an Integrated Approach to Victim Assistance",
  roundTitle: "Round 1: first draft",
  outcomeLink: "http://localhost:3000/respond/example/outcome",
  summaryLink: "http://localhost:3000/summaries/example",
  language: "en",
} satisfies SummaryPublishedEmailProps;

export default SummaryPublishedEmail;
