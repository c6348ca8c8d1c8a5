/** The one-time sign-in email: a link and, for another device, a short code. */
import { Text } from "@react-email/text";
import { ActionButton, EmailLayout, Ltr, Paragraph } from "./layout";
import { emailStrings } from "./strings";

export type SignInEmailProps = {
  name: string;
  link: string;
  code: string;
  expiresInMinutes: number;
  language: string;
};

export function subject(props: SignInEmailProps) {
  return emailStrings(props.language).signIn.subject;
}

export function SignInEmail(props: SignInEmailProps) {
  const t = emailStrings(props.language);
  return (
    <EmailLayout language={props.language} preview={t.signIn.preview} heading={t.signIn.subject}>
      <Paragraph>{t.greeting(props.name)}</Paragraph>
      <Paragraph>{t.signIn.intro(props.expiresInMinutes)}</Paragraph>
      <ActionButton href={props.link} label={t.signIn.button} language={props.language} />
      <Paragraph>{t.signIn.codeIntro}</Paragraph>
      <Text
        style={{ fontSize: "28px", lineHeight: "1.3", fontWeight: 700, letterSpacing: "0.1em", margin: "0 0 24px" }}
      >
        <Ltr style={{ fontFamily: "'Courier New', Courier, monospace" }}>{props.code}</Ltr>
      </Text>
      <Paragraph>{t.signIn.notYou}</Paragraph>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  name: "Amina Diallo",
  link: "http://localhost:3000/sign-in/example-token",
  code: "12345678",
  expiresInMinutes: 15,
  language: "en",
} satisfies SignInEmailProps;

export default SignInEmail;
