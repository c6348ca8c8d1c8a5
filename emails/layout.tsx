/**
 * The frame every Consult email shares: plain, readable and accessible. Language and
 * direction on <html>, 16px+ text in dark grey on white (contrast above 12:1), no images,
 * and under every button the address itself, visible, for clients that block buttons and
 * for the plain-text part.
 */
import type { CSSProperties, ReactNode } from "react";
// One package per component rather than @react-email/components, which loads every component
// (syntax highlighting, Tailwind) and costs the server process about 40 MB.
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { emailLanguage, emailStrings, textDirection } from "./strings";

const font =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, Arial, sans-serif";
const ink = "#1a1a1a";
const accent = "#0b4f8a"; // white on this: 8.6:1

const styles = {
  body: { backgroundColor: "#ffffff", color: ink, fontFamily: font, fontSize: "16px", lineHeight: "1.5", margin: 0, padding: 0 },
  container: { maxWidth: "600px", margin: "0 auto", padding: "24px 16px" },
  heading: { color: ink, fontSize: "24px", lineHeight: "1.3", fontWeight: 700, margin: "0 0 16px" },
  subheading: { color: ink, fontSize: "20px", lineHeight: "1.3", fontWeight: 700, margin: "24px 0 8px" },
  text: { color: ink, fontSize: "16px", lineHeight: "1.5", margin: "0 0 16px" },
  small: { color: "#3d3d3d", fontSize: "16px", lineHeight: "1.5", margin: "0 0 16px" },
  button: {
    backgroundColor: accent,
    color: "#ffffff",
    fontSize: "18px",
    fontWeight: 700,
    textDecoration: "none",
    borderRadius: "4px",
    padding: "12px 24px",
    display: "inline-block",
  },
  url: { color: accent, fontSize: "16px", textDecoration: "underline", wordBreak: "break-all" },
  hr: { borderColor: "#c4c4c4", margin: "32px 0 16px" },
} satisfies Record<string, CSSProperties>;

const hiddenPreview: CSSProperties = { display: "none", overflow: "hidden", lineHeight: "1px", opacity: 0, maxHeight: 0, maxWidth: 0 };
// Invisible characters after the preview keep mail clients from showing the body's first words after it.
const PREVIEW_FILLER = "\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff".repeat(20);

/**
 * The line inboxes show beside the subject. As React Email's <Preview>, but with a filler of
 * fixed length instead of one that depends on the text's, so that a mailing renders each
 * language once with the names pasted in (mail/render.server.ts renderEmails).
 */
function InboxPreview({ text }: { text: string }) {
  return (
    <div style={hiddenPreview} data-skip-in-text="true">
      {text}
      <div>{PREVIEW_FILLER}</div>
    </div>
  );
}

export function EmailLayout(props: { language: string; preview: string; heading: string; children: ReactNode }) {
  const language = emailLanguage(props.language);
  const dir = textDirection(language);
  const t = emailStrings(language);
  return (
    <Html lang={language} dir={dir}>
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <InboxPreview text={props.preview} />
      <Body style={styles.body} dir={dir}>
        <Container style={{ ...styles.container, textAlign: dir === "rtl" ? "right" : "left" }} dir={dir}>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={styles.hr} />
          <Text style={styles.small}>{t.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.subheading}>
      {children}
    </Heading>
  );
}

/** Text that must read left to right even in an Arabic email: codes, addresses. */
export function Ltr({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return (
    <span dir="ltr" style={{ unicodeBidi: "isolate", ...style }}>
      {children}
    </span>
  );
}

/**
 * A button, then the same address as plain, visible text. The button is left out of the
 * plain-text part (data-skip-in-text), where the address line stands in for it.
 */
export function ActionButton({ href, label, language }: { href: string; label: string; language: string }) {
  const t = emailStrings(language);
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={styles.button} data-skip-in-text="true">
        {label}
      </Button>
      <Text style={{ ...styles.small, margin: "16px 0 0" }}>{t.linkFallback}</Text>
      <Text style={{ ...styles.text, margin: "4px 0 0" }}>
        <Link href={href} style={styles.url} dir="ltr">
          {href}
        </Link>
      </Text>
    </Section>
  );
}

export const emailStyles = styles;
