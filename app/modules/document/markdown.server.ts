/**
 * Section bodies are Markdown. Raw HTML in the source (from an import, say) is shown as text,
 * never as markup, and links may only be http(s) or mailto: no script reaches a page.
 * Paragraphs get numbered anchors (#p-3) so comments can point at them.
 */
import { Marked, type Tokens } from "marked";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SAFE_LINK = /^(https?:|mailto:|#|\/(?!\/))/i; // not protocol-relative "//host"

export function renderMarkdown(source: string, { anchorPrefix = "p" }: { anchorPrefix?: string } = {}): string {
  let paragraph = 0;
  const marked = new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      paragraph(token: Tokens.Paragraph) {
        paragraph += 1;
        return `<p id="${anchorPrefix}-${paragraph}">${this.parser.parseInline(token.tokens)}</p>\n`;
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        if (!SAFE_LINK.test(token.href)) return text;
        return `<a href="${escapeHtml(token.href)}">${text}</a>`;
      },
      image(token: Tokens.Image) {
        return escapeHtml(token.text);
      },
      heading(token: Tokens.Heading) {
        // Section headings are h2 on the page; headings inside a body start at h3.
        const level = Math.min(6, Math.max(3, token.depth + 1));
        return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
      },
    },
  });
  return marked.parse(source, { async: false }) as string;
}

/** Plain paragraphs of a body, for proposed-wording starting text and redlines. */
export function plainText(source: string): string {
  return source.replace(/\r\n/g, "\n").trim();
}
