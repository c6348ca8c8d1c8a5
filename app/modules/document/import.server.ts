/**
 * Reading a draft into sections: Markdown (pasted or a .md/.txt file) or Word (.docx, through
 * mammoth's HTML and a small converter of that HTML to Markdown). The draft is split at its
 * top-level headings; nothing is stored here. Raw HTML stays in the text as text (the renderer
 * escapes it) and is reported, so the coordinator sees it before saving.
 */
import mammoth from "mammoth";
import { Marked, type Token, type Tokens } from "marked";
import { MAX_SECTION_HEADING } from "./schemas";

export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;
/** Uncompressed size of a .docx's parts: a small zip must not unpack into gigabytes. */
const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_SECTIONS = 300;

export type ImportedSection = { heading: string; body: string };

export type DraftImport = {
  source: "markdown" | "docx";
  /** A title found in the draft (front matter, a single top heading, Word's Title style). */
  title: string | null;
  sections: ImportedSection[];
  warnings: string[];
};

export class DraftImportError extends Error {
  override name = "DraftImportError";
}

const lexer = new Marked({ gfm: true });

// ───────────────────────────── files ─────────────────────────────

const MARKDOWN_EXTENSIONS = [".md", ".markdown", ".txt"];

export async function readDraftFile(file: { filename: string; content: Buffer }): Promise<DraftImport> {
  const name = file.filename.toLowerCase();
  if (file.content.length > MAX_DRAFT_BYTES) throw new DraftImportError("The file is larger than 10 MB.");
  if (file.content.length === 0) throw new DraftImportError("The file is empty.");
  if (name.endsWith(".docx")) return readDocx(file.content);
  if (MARKDOWN_EXTENSIONS.some((ext) => name.endsWith(ext))) return parseMarkdownDraft(decodeText(file.content));
  if (name.endsWith(".doc")) {
    throw new DraftImportError("This is an old Word document (.doc). Open it in Word, save it as .docx and upload it again.");
  }
  throw new DraftImportError("Upload the draft as a Word document (.docx) or a Markdown text file (.md, .markdown, .txt).");
}

function decodeText(content: Buffer): string {
  if (content.includes(0)) throw new DraftImportError("This file is not a text file. Upload Markdown (.md, .txt) or Word (.docx).");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    throw new DraftImportError("This text file is not in UTF-8. Save it as UTF-8 text and upload it again.");
  }
}

// ───────────────────────────── Markdown ─────────────────────────────

/** Splits a Markdown draft into sections at the level of heading that makes them. */
export function parseMarkdownDraft(
  source: string,
  from: { source?: DraftImport["source"]; title?: string | null; warnings?: string[] } = {},
): DraftImport {
  const kind = from.source ?? "markdown";
  const warnings = [...(from.warnings ?? [])];
  let text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
  let title = from.title ?? null;
  const front = /^---\n((?:[^\n]*\n){0,50}?)---\n/.exec(text);
  if (front && front[1]!.split("\n").every((line) => line === "" || /^[\w-]+\s*:/.test(line) || /^\s/.test(line))) {
    title ??= /^title\s*:\s*["']?(.*?)["']?\s*$/m.exec(front[1]!)?.[1] || null;
    text = text.slice(front[0].length);
  }
  if (!text.trim()) throw new DraftImportError("The draft is empty.");

  const tokens = lexer.lexer(text);
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === "heading");
  if (headings.length === 0) {
    warnings.push("No headings were found, so the whole text is one section. Mark headings (# in Markdown, the Heading 1 style in Word) to split it, or split it after saving.");
    return { source: kind, title, sections: [{ heading: (title ?? "Text of the draft").slice(0, MAX_SECTION_HEADING), body: tidyBody(text) }], warnings };
  }

  // A lone top heading above deeper ones is the document's title, not a section.
  let level = Math.min(...headings.map((h) => h.depth));
  let titleToken: Tokens.Heading | null = null;
  const top = headings.filter((h) => h.depth === level);
  const deeper = headings.filter((h) => h.depth > level);
  if (top.length === 1 && top[0] === headings[0] && deeper.length > 0) {
    titleToken = top[0]!;
    title ??= headingText(titleToken) || null;
    level = Math.min(...deeper.map((h) => h.depth));
  }

  const intro = { heading: "Introduction", parts: [] as string[], tokens: [] as Token[] };
  const sections: Array<typeof intro> = [];
  for (const token of tokens) {
    if (token === titleToken || token.type === "def") continue;
    if (token.type === "heading" && (token as Tokens.Heading).depth === level) {
      sections.push({ heading: headingText(token as Tokens.Heading), parts: [], tokens: [token] });
      continue;
    }
    const current = sections.at(-1) ?? intro;
    current.parts.push(token.type === "heading" ? shiftHeading(token as Tokens.Heading, level) : token.raw);
    current.tokens.push(token);
  }

  const definitions = tokens.filter((t): t is Tokens.Def => t.type === "def");
  const result: ImportedSection[] = [];
  for (const s of [intro, ...sections]) {
    const body = tidyBody(s.parts.join(""));
    if (s === intro && !body) continue;
    let heading = s.heading || "Untitled section";
    if (heading.length > MAX_SECTION_HEADING) {
      warnings.push(`A heading longer than ${MAX_SECTION_HEADING} characters was shortened: “${heading.slice(0, 60)}…”.`);
      heading = `${heading.slice(0, MAX_SECTION_HEADING - 1)}…`;
    }
    result.push({ heading, body: withDefinitions(body, definitions) });
    if (containsHtml(s.tokens)) {
      warnings.push(`“${heading}” contains HTML markup. It will be shown as text, never as markup: edit it out if it is not meant to be read.`);
    }
  }
  if (result.length > MAX_SECTIONS) {
    throw new DraftImportError(`The draft splits into ${result.length} sections; at most ${MAX_SECTIONS} are allowed. Check that only section titles use the top heading level.`);
  }
  return { source: kind, title, sections: result, warnings };
}

/** A heading's words without Markdown: bold, links and tags gone, entities decoded. */
function headingText(token: Tokens.Heading): string {
  return decodeEntities(plainInline(token.tokens ?? [])).replace(/\s+/g, " ").trim();
}

function plainInline(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === "html") return "";
      if (t.type === "br") return " ";
      if ("tokens" in t && t.tokens && t.tokens.length > 0) return plainInline(t.tokens);
      return "text" in t && typeof t.text === "string" ? t.text : t.raw;
    })
    .join("");
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

/** Headings inside a section start one level below it (## for the first level under). */
function shiftHeading(token: Tokens.Heading, sectionLevel: number): string {
  const depth = Math.min(6, Math.max(2, token.depth - sectionLevel + 1));
  const trailing = /\n*$/.exec(token.raw)?.[0] ?? "";
  return `${"#".repeat(depth)} ${token.text.replace(/\n/g, " ")}${trailing || "\n"}`;
}

function tidyBody(body: string): string {
  return body
    .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? "  " : "")) // keep Markdown hard breaks
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Reference-style links keep working in each section that uses them. */
function withDefinitions(body: string, definitions: Tokens.Def[]): string {
  const used = definitions.filter((d) => body.toLowerCase().includes(`[${d.tag.toLowerCase()}]`));
  return used.length ? `${body}\n\n${used.map((d) => d.raw.trim()).join("\n")}` : body;
}

function containsHtml(tokens: Token[]): boolean {
  return tokens.some((t) => {
    if (t.type === "html") return true;
    const children = [...(("tokens" in t && t.tokens) || []), ...(t.type === "list" ? (t as Tokens.List).items : [])];
    if (t.type === "table") {
      const table = t as Tokens.Table;
      children.push(...table.header.flatMap((c) => c.tokens), ...table.rows.flat().flatMap((c) => c.tokens));
    }
    return children.length > 0 && containsHtml(children as Token[]);
  });
}

// ───────────────────────────── Word (.docx) ─────────────────────────────

const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='title'] => h1.doc-title:fresh",
  // A generated table of contents repeats the headings: leave it out.
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`p[style-name='toc ${n}'] => !`, `p[style-name='TOC ${n}'] => !`]),
  "p[style-name='TOC Heading'] => !",
];

async function readDocx(content: Buffer): Promise<DraftImport> {
  checkZip(content);
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: content },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          images += 1;
          return { src: "" };
        }),
      },
    );
    html = result.value;
  } catch {
    throw new DraftImportError("This file is not a readable Word document (.docx). Open it in Word, save it again as .docx and upload it.");
  }
  const { markdown, title } = htmlToMarkdown(html);
  const warnings = images > 0 ? [`${images} image${images === 1 ? " was" : "s were"} left out: sections hold text only.`] : [];
  if (!markdown.trim()) throw new DraftImportError("The Word document has no text.");
  return parseMarkdownDraft(markdown, { source: "docx", title, warnings });
}

// Word saves a password-protected .docx (and an old .doc) as an OLE compound file, not a zip.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A .docx is a zip: check the signature and the declared unpacked size before unzipping. */
function checkZip(content: Buffer) {
  if (content.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new DraftImportError(
      "This document is password-protected (or is an old .doc file): remove the password in Word, save as .docx and upload again.",
    );
  }
  if (content.length < 22 || content.readUInt32LE(0) !== 0x04034b50) {
    throw new DraftImportError("This file is not a Word document (.docx), even though its name ends in .docx.");
  }
  const from = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let i = content.length - 22; i >= from; i--) {
    if (content.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new DraftImportError("This Word document is damaged (its zip directory is missing).");
  const entries = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== 0x02014b50) {
      throw new DraftImportError("This Word document is damaged (its zip directory cannot be read).");
    }
    const size = content.readUInt32LE(offset + 24);
    unpacked += size === 0xffffffff ? Infinity : size;
    offset += 46 + content.readUInt16LE(offset + 28) + content.readUInt16LE(offset + 30) + content.readUInt16LE(offset + 32);
  }
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) throw new DraftImportError("This Word document unpacks to more than 200 MB: it cannot be imported.");
}

// mammoth writes simple, well-formed HTML: lower-case tags, double-quoted attributes, text with
// &amp; &lt; &gt; escaped. A tokenizer for exactly that is enough (no general HTML parser).
type HtmlNode = { tag: string; attrs: Record<string, string>; children: Array<HtmlNode | string> };

const VOID = new Set(["br", "img", "hr"]);

function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: "root", attrs: {}, children: [] };
  const stack = [root];
  const pattern = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z:-]+="[^"]*")*)\s*(\/?)>|([^<]+)|</g;
  for (const m of html.matchAll(pattern)) {
    const parent = stack.at(-1)!;
    if (m[5] !== undefined || m[2] === undefined) {
      parent.children.push(decodeEntities(m[5] ?? "<"));
    } else if (m[1]) {
      const at = stack.findLastIndex((n) => n.tag === m[2]);
      if (at > 0) stack.length = at;
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? "").matchAll(/([a-z:-]+)="([^"]*)"/g)) attrs[a[1]!] = decodeEntities(a[2]!);
      const node: HtmlNode = { tag: m[2], attrs, children: [] };
      parent.children.push(node);
      if (!m[4] && !VOID.has(m[2])) stack.push(node);
    }
  }
  return root;
}

export function htmlToMarkdown(html: string): { markdown: string; title: string | null } {
  const root = parseHtml(html);
  const titles: string[] = [];
  const blocks: string[] = [];
  for (const node of root.children) {
    if (typeof node !== "string" && node.tag === "h1" && node.attrs.class === "doc-title") {
      const text = inline(node.children, { heading: true }).replace(/\\/g, "").trim();
      if (text) titles.push(text);
      continue;
    }
    const block = blockMarkdown(node);
    if (block) blocks.push(block);
  }
  return { markdown: blocks.join("\n\n") + "\n", title: titles.join(" ") || null };
}

function blockMarkdown(node: HtmlNode | string): string {
  if (typeof node === "string") return escapeLineStart(escapeText(node.replace(/\s+/g, " ").trim()));
  const heading = /^h([1-6])$/.exec(node.tag);
  if (heading) {
    const text = inline(node.children, { heading: true }).trim();
    return text ? `${"#".repeat(Number(heading[1]))} ${text.replace(/#+$/, (h) => h.replace(/#/g, "\\#"))}` : "";
  }
  switch (node.tag) {
    case "p":
      return escapeLineStart(inline(node.children).trim());
    case "ul":
    case "ol":
      return list(node, 0);
    case "table":
      return table(node);
    case "img":
    case "hr":
      return "";
    default:
      return node.children.map(blockMarkdown).filter(Boolean).join("\n\n");
  }
}

function list(node: HtmlNode, indent: number): string {
  const lines: string[] = [];
  let number = 0;
  for (const item of node.children) {
    if (typeof item === "string" || item.tag !== "li") continue;
    number += 1;
    const marker = node.tag === "ol" ? `${number}. ` : "- ";
    const pad = " ".repeat(indent);
    const text = item.children
      .filter((c) => typeof c === "string" || (c.tag !== "ul" && c.tag !== "ol"))
      .map((c) => (typeof c !== "string" && c.tag === "p" ? ` ${inline(c.children)} ` : inline([c])))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    lines.push(`${pad}${marker}${text}`);
    for (const child of item.children) {
      if (typeof child !== "string" && (child.tag === "ul" || child.tag === "ol")) lines.push(list(child, indent + marker.length));
    }
  }
  return lines.join("\n");
}

function table(node: HtmlNode): string {
  const rows: string[][] = [];
  const collect = (n: HtmlNode) => {
    for (const child of n.children) {
      if (typeof child === "string") continue;
      if (child.tag === "tr") {
        const cells: string[] = [];
        for (const cell of child.children) {
          if (typeof cell === "string" || (cell.tag !== "td" && cell.tag !== "th")) continue;
          const text = cell.children
            .map((c) => (typeof c !== "string" && (c.tag === "p" || c.tag === "li") ? ` ${inline(c.children)} ` : typeof c !== "string" && (c.tag === "ul" || c.tag === "ol" || c.tag === "table") ? ` ${plainOf(c)} ` : inline([c])))
            .join("")
            .replace(/\s+/g, " ")
            .trim()
            .replace(/\|/g, "\\|");
          cells.push(text);
          for (let span = Number(cell.attrs.colspan ?? 1); span > 1; span--) cells.push("");
        }
        rows.push(cells);
      } else collect(child);
    }
  };
  collect(node);
  if (rows.length === 0) return "";
  const width = Math.max(...rows.map((r) => r.length));
  if (width === 0) return "";
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] || " ").join(" | ")} |`;
  return [line(rows[0]!), line(Array(width).fill("---")), ...rows.slice(1).map(line)].join("\n");
}

function plainOf(node: HtmlNode): string {
  return node.children.map((c) => (typeof c === "string" ? escapeText(c) : plainOf(c))).join(" ");
}

const SAFE_HREF = /^(https?:|mailto:)/i;

function inline(nodes: Array<HtmlNode | string>, { heading = false } = {}): string {
  return nodes
    .map((node) => {
      if (typeof node === "string") return escapeText(node.replace(/\s+/g, " "));
      const inner = () => inline(node.children, { heading });
      switch (node.tag) {
        case "strong":
        case "b":
          return heading ? inner() : emphasis("**", inner());
        case "em":
        case "i":
          return emphasis("*", inner());
        case "s":
        case "del":
          return emphasis("~~", inner());
        case "br":
          return heading ? " " : "\\\n";
        case "img":
          return "";
        case "a": {
          const href = node.attrs.href ?? "";
          if (/^#(footnote|endnote)-ref-/.test(href)) return ""; // mammoth's "back to the text" arrow
          const text = inner();
          if (!SAFE_HREF.test(href) || !text.trim()) return text;
          return /^[^\s()<>]+$/.test(href) ? `[${text}](${href})` : `[${text}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
        }
        default:
          return inner();
      }
    })
    .join("");
}

/** Word often puts the space inside the bold run ("**word **"), which Markdown does not accept. */
function emphasis(marker: string, text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : text;
}

/** Escapes only what Markdown would otherwise read as syntax, so the text stays easy to edit. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*]/g, "\\$&")
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace("_", "\\_"))
    .replace(/\](?=[([:])/g, "\\]")
    .replace(/<(?=[a-zA-Z/!?])/g, "\\<")
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, "\\&")
    .replace(/~~/g, "\\~\\~");
}

/** A paragraph starting "1. " or "- " stays a paragraph (numbered paragraphs are common in drafts). */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^([#>+=|-])/, "\\$1");
}
