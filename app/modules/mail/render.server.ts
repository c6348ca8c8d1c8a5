/**
 * Renders a template from emails/ to what a message carries: a subject, an HTML part and a
 * plain-text part (made from the same HTML, so the two never say different things).
 *
 * Rendering is synchronous and done once per message: @react-email/render streams the tree
 * (with Suspense) and renders it a second time for the text, about 20 times slower, which
 * matters when a round invites hundreds of organisations in one transaction. The output is
 * the same as its render() (without the empty Suspense markers) and its plainText option.
 */
import { createElement, type ComponentType } from "react";
import { compile } from "html-to-text";
import { renderToStaticMarkup } from "react-dom/server";
import * as deadlineExtended from "../../../emails/deadline-extended";
import * as invitation from "../../../emails/invitation";
import * as reminder from "../../../emails/reminder";
import * as roundOpened from "../../../emails/round-opened";
import * as signIn from "../../../emails/sign-in";
import * as submissionReceipt from "../../../emails/submission-receipt";
import * as summaryPublished from "../../../emails/summary-published";
import * as withdrawalReceipt from "../../../emails/withdrawal-receipt";

type Template<P> = { component: ComponentType<P>; subject: (props: P) => string };

const TEMPLATES = {
  "sign-in": { component: signIn.SignInEmail, subject: signIn.subject } as Template<signIn.SignInEmailProps>,
  invitation: { component: invitation.InvitationEmail, subject: invitation.subject } as Template<invitation.InvitationEmailProps>,
  "submission-receipt": {
    component: submissionReceipt.SubmissionReceiptEmail,
    subject: submissionReceipt.subject,
  } as Template<submissionReceipt.SubmissionReceiptEmailProps>,
  "withdrawal-receipt": {
    component: withdrawalReceipt.WithdrawalReceiptEmail,
    subject: withdrawalReceipt.subject,
  } as Template<withdrawalReceipt.WithdrawalReceiptEmailProps>,
  reminder: { component: reminder.ReminderEmail, subject: reminder.subject } as Template<reminder.ReminderEmailProps>,
  "deadline-extended": {
    component: deadlineExtended.DeadlineExtendedEmail,
    subject: deadlineExtended.subject,
  } as Template<deadlineExtended.DeadlineExtendedEmailProps>,
  "round-opened": { component: roundOpened.RoundOpenedEmail, subject: roundOpened.subject } as Template<roundOpened.RoundOpenedEmailProps>,
  "summary-published": {
    component: summaryPublished.SummaryPublishedEmail,
    subject: summaryPublished.subject,
  } as Template<summaryPublished.SummaryPublishedEmailProps>,
};

/** Each template's name and the props it takes. */
export type EmailTemplates = {
  [K in keyof typeof TEMPLATES]: (typeof TEMPLATES)[K] extends Template<infer P> ? P : never;
};
export type EmailTemplateName = keyof EmailTemplates;
export const EMAIL_TEMPLATE_NAMES = Object.keys(TEMPLATES) as EmailTemplateName[];

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * @react-email/render's plain-text selectors (its version 2.3), copied rather than imported:
 * that package would load a formatter and more, about 15 MB in the server process, for this list.
 */
const REACT_EMAIL_TEXT_SELECTORS = [
  { selector: "img", format: "skip" },
  { selector: "[data-skip-in-text=true]", format: "skip" },
  { selector: "a", options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
  { selector: '[data-text-format="dataTable"]', format: "dataTable" },
  ...["td", "th"].map((selector) => ({ selector, format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
];

const TEXT_OPTIONS = {
  // html-to-text shouts headings by default; names and titles should keep their case.
  selectors: ["h1", "h2", "h3"].map((selector) => ({
    selector,
    options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 },
  })),
};

// As @react-email/render's toPlainText: no wrapping, its selectors (links, skipped preview), then ours.
const toPlainText = compile({ wordwrap: false, ...TEXT_OPTIONS, selectors: [...REACT_EMAIL_TEXT_SELECTORS, ...TEXT_OPTIONS.selectors] });

const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

function render<P>(entry: Template<P>, props: P): RenderedEmail {
  const element = createElement(entry.component as ComponentType<object>, props as object);
  const html = DOCTYPE + renderToStaticMarkup(element);
  const text = toPlainText(html);
  return { subject: entry.subject(props).replace(/[\r\n]+/g, " ").trim(), html, text: text.trim() + "\n" };
}

function templateOf<T extends EmailTemplateName>(template: T) {
  const entry = TEMPLATES[template] as unknown as Template<EmailTemplates[T]> | undefined;
  if (!entry) throw new Error(`Unknown email template "${String(template)}"`);
  return entry;
}

export async function renderEmail<T extends EmailTemplateName>(template: T, props: EmailTemplates[T]): Promise<RenderedEmail> {
  return render(templateOf(template), props);
}

// ── Mailings: one render per shape, the personal parts pasted in ──

/** A rendered email with markers where each message's fills go; a message is a body and its fills. */
export type EmailBodyContent = { html: string; text: string };
export type RenderedMessage = { subject: string; body: EmailBodyContent; fills: string[] };

const marker = (i: number) => `%%consult-fill-${i}%%`;
const MARKERS = /%%consult-fill-(\d+)%%/g;
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The HTML and text a message carries: its body with its fills pasted in, escaped as React would. */
export function fillBody(body: EmailBodyContent, fills: string[]): EmailBodyContent {
  if (fills.length === 0) return body;
  return {
    html: body.html.replace(MARKERS, (_, i: string) => escapeHtml(fills[Number(i)]!)),
    // html-to-text collapses runs of white space inside a paragraph: so does the paste.
    text: body.text.replace(MARKERS, (_, i: string) => fills[Number(i)]!.replace(/\s+/g, " ")),
  };
}

const fillSubject = (subject: string, fills: string[]) => subject.replace(MARKERS, (_, i: string) => fills[Number(i)]!.replace(/[\r\n]+/g, " "));

/**
 * The props with every non-empty string except the language replaced by a marker, and a key
 * for what is left: messages with the same key differ only in the pasted-in strings.
 */
function skeleton(props: object) {
  const fills: string[] = [];
  const skeletonProps: Record<string, unknown> = {};
  const shape: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === "string" && value !== "" && name !== "language") {
      skeletonProps[name] = marker(fills.length);
      shape[name] = "…";
      fills.push(value);
    } else {
      skeletonProps[name] = value;
      shape[name] = value;
    }
  }
  return { fills, skeletonProps, key: JSON.stringify(shape) };
}

/**
 * Many messages of one template, for a round's mailing: React renders each shape (language,
 * flags) once with markers in place of the names, dates and links, and messages of that shape
 * share its body (one row in EmailBody) and keep only their fills, which the worker pastes in
 * (fillBody). The first message of each shape is also rendered in full and compared: a template
 * that does more with a string than print it (cuts it, tests it) is then rendered message by
 * message, so what is sent is always exactly renderEmail's output.
 */
export function renderMessages<T extends EmailTemplateName>(template: T, propsList: EmailTemplates[T][]): RenderedMessage[] {
  const entry = templateOf(template);
  const shapes = new Map<string, { subject: string; body: EmailBodyContent } | null>();
  const alone = (props: EmailTemplates[T]): RenderedMessage => {
    const { subject, html, text } = render(entry, props);
    return { subject, body: { html, text }, fills: [] };
  };
  return propsList.map((props) => {
    const { fills, skeletonProps, key } = skeleton(props as object);
    if (!shapes.has(key)) {
      const candidate = render(entry, skeletonProps as EmailTemplates[T]);
      const exact = render(entry, props);
      const filled = fillBody(candidate, fills);
      const same = filled.html === exact.html && filled.text === exact.text && fillSubject(candidate.subject, fills) === exact.subject;
      shapes.set(key, same ? { subject: candidate.subject, body: { html: candidate.html, text: candidate.text } } : null);
    }
    const shape = shapes.get(key);
    return shape ? { subject: fillSubject(shape.subject, fills), body: shape.body, fills } : alone(props);
  });
}
