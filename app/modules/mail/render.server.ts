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
import { plainTextSelectors } from "@react-email/render";
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

const TEXT_OPTIONS = {
  // html-to-text shouts headings by default; names and titles should keep their case.
  selectors: ["h1", "h2", "h3"].map((selector) => ({
    selector,
    options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 },
  })),
};

// As @react-email/render's plainText: no wrapping, its selectors (links, skipped preview), then ours.
const toPlainText = compile({ wordwrap: false, ...TEXT_OPTIONS, selectors: [...plainTextSelectors, ...TEXT_OPTIONS.selectors] });

const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

export async function renderEmail<T extends EmailTemplateName>(template: T, props: EmailTemplates[T]): Promise<RenderedEmail> {
  const entry = TEMPLATES[template] as unknown as Template<EmailTemplates[T]> | undefined;
  if (!entry) throw new Error(`Unknown email template "${String(template)}"`);
  const element = createElement(entry.component as ComponentType<object>, props as object);
  const html = DOCTYPE + renderToStaticMarkup(element);
  const text = toPlainText(html);
  return { subject: entry.subject(props).replace(/[\r\n]+/g, " ").trim(), html, text: text.trim() + "\n" };
}
