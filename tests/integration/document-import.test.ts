/**
 * Drafts and sections: Markdown and Word imports split at the right headings, raw HTML never
 * reaches a rendered page, keys are unique and survive from version to version, split, merge
 * and reorder follow their rules, a version used by a round refuses every change, and every
 * change is audited. Routes are called directly, as the server would.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { DraftImportError, htmlToMarkdown, parseMarkdownDraft, readDraftFile } from "~/modules/document/import.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { assignKeys, keySlug, mergeBodies, paragraphs, splitBody } from "~/modules/document/sections.server";
import {
  createVersionFrom,
  editSection,
  mergeWithNext,
  moveSection,
  reorderSections,
  sectionBaseline,
  splitSection,
  VersionChangeError,
} from "~/modules/document/versions.server";
import { action as importAction } from "~/routes/consultations.$consultationId.versions.import._index";
import { action as previewAction, loader as previewLoader } from "~/routes/consultations.$consultationId.versions.import.$importId";
import { action as versionAction, loader as versionLoader } from "~/routes/consultations.$consultationId.versions.$versionId._index";
import { action as sectionAction } from "~/routes/consultations.$consultationId.versions.$versionId.sections.$sectionKey";
import { loader as listLoader } from "~/routes/consultations.$consultationId.versions._index";
import { BASE, context, cookieFor, get, outcome, post } from "./route-helpers";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const draftMd = fs.readFileSync(path.join(FIXTURES, "draft.md"), "utf8");
const draftDocx = fs.readFileSync(path.join(FIXTURES, "draft.docx"));

let coordinatorId: string, coordinator: string, analyst: string, stranger: string, consultationId: string;

beforeAll(async () => {
  const [c, a, s] = await Promise.all(
    ["lead@example.org", "reader@example.org", "nobody@example.org"].map((email) => db().user.create({ data: { email, name: email.split("@")[0]! } })),
  );
  coordinatorId = c!.id;
  const consultation = await db().consultation.create({
    data: {
      slug: "rehab",
      title: "Inclusive rehabilitation",
      members: { create: [{ userId: c!.id, role: "COORDINATOR" }, { userId: a!.id, role: "ANALYST" }] },
    },
  });
  consultationId = consultation.id;
  [coordinator, analyst, stranger] = await Promise.all([cookieFor(c!.id), cookieFor(a!.id), cookieFor(s!.id)]);
});

function upload(cookie: string, file: { name: string; content: Buffer | string; type?: string } | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.append("file", new Blob([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], { type: file.type ?? "application/octet-stream" }), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(`${BASE}/consultations/${consultationId}/versions/import`, { method: "POST", headers: { cookie }, body: form });
}

/** Uploads, then saves the preview as it stands (optionally with edits); returns the new version. */
async function importAndSave(file: { name: string; content: Buffer | string }, edits: Record<string, string> = {}) {
  const uploaded = await outcome(() => importAction({ request: upload(coordinator, file), params: { consultationId }, context }));
  expect(uploaded.status, JSON.stringify(uploaded.data)).toBe(302);
  const importId = uploaded.location!.split("/").pop()!;
  const preview = await outcome(() => previewLoader({ request: get(uploaded.location!, coordinator), params: { consultationId, importId }, context }));
  const fields: Record<string, string> = { intent: "save", title: preview.data.title, note: "" };
  preview.data.sections.forEach((s: { heading: string; body: string }, i: number) => {
    fields[`heading-${i}`] = s.heading;
    fields[`body-${i}`] = s.body;
  });
  const saved = await outcome(() => previewAction({ request: post(uploaded.location!, { ...fields, ...edits }, coordinator), params: { consultationId, importId }, context }));
  expect(saved.status, JSON.stringify(saved.data)).toBe(302);
  const versionId = saved.location!.split("/").pop()!.split("?")[0]!;
  return { importId, preview: preview.data, versionId, location: uploaded.location!, fields: { ...fields, ...edits } };
}

const sectionsOf = (versionId: string) => db().section.findMany({ where: { versionId }, orderBy: { position: "asc" } });

describe("reading Markdown", () => {
  it("splits at the highest heading level, takes a lone top heading as the title and text before the first section as an introduction", () => {
    const draft = parseMarkdownDraft(draftMd);
    expect(draft.title).toBe("Guidance on Inclusive Rehabilitation Services (draft for consultation)");
    expect(draft.sections.map((s) => s.heading)).toEqual([
      "Introduction",
      "1. Purpose and scope",
      "2. Planning services",
      "3. Participation of persons with disabilities",
      "4. Monitoring and review",
    ]);
    expect(draft.sections[0]!.body).toMatch(/^This draft is shared/);
    // Nested headings stay in their section, one level below it.
    const planning = draft.sections[2]!.body;
    expect(planning).toContain("## 2.1 Data");
    expect(planning).toContain("## 2.2 Budgets");
    expect(planning).toContain("- Identify a dedicated budget line.");
    expect(draft.warnings.join(" ")).toMatch(/Participation of persons with disabilities” contains HTML/);
  });

  it("splits at # when several top headings exist, keeps deeper ones inside, and ignores # in code", () => {
    const draft = parseMarkdownDraft("# One\n\nText.\n\n## Sub\n\nMore.\n\n```\n# not a heading\n```\n\n# Two\n\nLast.\n");
    expect(draft.title).toBeNull();
    expect(draft.sections.map((s) => s.heading)).toEqual(["One", "Two"]);
    expect(draft.sections[0]!.body).toBe("Text.\n\n## Sub\n\nMore.\n\n```\n# not a heading\n```");
  });

  it("reads setext headings, front matter titles, heading markup and reference links", () => {
    const draft = parseMarkdownDraft(
      "---\ntitle: Zero draft\n---\n\nFirst\n=====\n\nSee [the plan][plan].\n\n# **Second** &amp; last\n\nDone.\n\n[plan]: https://example.org/plan\n",
    );
    expect(draft.title).toBe("Zero draft");
    expect(draft.sections.map((s) => s.heading)).toEqual(["First", "Second & last"]);
    expect(draft.sections[0]!.body).toBe("See [the plan][plan].\n\n[plan]: https://example.org/plan");
    expect(renderMarkdown(draft.sections[0]!.body)).toContain('<a href="https://example.org/plan">the plan</a>');
    expect(draft.sections[1]!.body).toBe("Done.");
  });

  it("keeps a text without headings as one section, and refuses an empty one", () => {
    const draft = parseMarkdownDraft("Just a paragraph.\n\nAnd another.");
    expect(draft.sections).toHaveLength(1);
    expect(draft.warnings[0]).toMatch(/No headings/);
    expect(() => parseMarkdownDraft("  \n\n ")).toThrow(DraftImportError);
  });

  it("never lets raw HTML or a script from an import reach the rendered page", () => {
    const draft = parseMarkdownDraft(
      draftMd + '\n## 5. Extra\n\n<img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">x</a> and [y](javascript:alert(4))\n\n<iframe src="https://evil.example"></iframe>\n',
    );
    const html = draft.sections.map((s) => renderMarkdown(s.body)).join("\n");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|<img|<iframe|<a href="javascript|onerror="/i);
  });
});

describe("reading Word", () => {
  it("imports the .docx fixture: title, headings as sections, formatting, lists and links, no images", async () => {
    const draft = await readDraftFile({ filename: "draft.docx", content: draftDocx });
    expect(draft.source).toBe("docx");
    expect(draft.title).toBe("Guidance on an Integrated Approach to Victim Assistance");
    expect(draft.sections.map((s) => s.heading)).toEqual(["Introduction", "1. Purpose and scope", "2. Data collection", "3. Survivor participation", "4. Measuring progress"]);
    const [intro, purpose, data, participation, progress] = draft.sections.map((s) => s.body);
    expect(intro).toContain("*Comments are welcome on every section.*");
    expect(purpose).toContain("**integrate**");
    expect(data).toContain("## 2.1 Disaggregated data");
    expect(data).toContain("- sex and age;\n- type of impairment.");
    expect(data).not.toMatch(/data:|!\[/);
    expect(participation).toContain("[Convention on the Rights of Persons with Disabilities](https://www.un.org/");
    expect(progress).toContain("1. set a baseline;\n2. report against it.");
    expect(draft.warnings).toContain("1 image was left out: sections hold text only.");
    const html = renderMarkdown(participation!);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
  });

  it("turns Word's HTML into plain Markdown: tables, nested lists, footnotes, stray spaces in bold", () => {
    const { markdown, title } = htmlToMarkdown(
      '<h1 class="doc-title">The title</h1><p>1. A numbered paragraph with <strong>bold </strong>text, a *star* and a_b.</p>' +
        "<ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>" +
        '<table><tr><td><p>Area</p></td><td><p>Target | goal</p></td></tr><tr><td colspan="2"><p>Both</p></td></tr></table>' +
        '<p>See note<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> and <a href="javascript:alert(1)">this</a>.</p>' +
        '<ol><li id="footnote-1"><p>The note. <a href="#footnote-ref-1">↑</a></p></li></ol>',
    );
    expect(title).toBe("The title");
    expect(markdown).toBe(
      [
        "1\\. A numbered paragraph with **bold** text, a \\*star\\* and a_b.",
        "- One\n  - Nested\n- Two",
        "| Area | Target \\| goal |\n| --- | --- |\n| Both |   |",
        "See note[1] and this.",
        "1. The note.",
      ].join("\n\n") + "\n",
    );
  });

  it("refuses files that are not drafts, with a clear reason", async () => {
    const reason = async (filename: string, content: Buffer) => {
      try {
        await readDraftFile({ filename, content });
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(DraftImportError);
        return (error as Error).message;
      }
    };
    expect(await reason("draft.docx", Buffer.from("not a zip at all"))).toMatch(/not a Word document/);
    // Word encrypts a protected .docx into an OLE compound file (the header of the fixture).
    expect(await reason("protected.docx", fs.readFileSync(path.join(FIXTURES, "password-protected.docx")))).toBe(
      "This document is password-protected (or is an old .doc file): remove the password in Word, save as .docx and upload again.",
    );
    expect(await reason("draft.doc", Buffer.from("\xd0\xcf\x11\xe0", "latin1"))).toMatch(/old Word document \(\.doc\)/);
    expect(await reason("draft.pdf", Buffer.from("%PDF-1.7"))).toMatch(/\.docx\) or a Markdown/);
    expect(await reason("draft.md", Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatch(/not a text file|UTF-8/);
    expect(await reason("draft.md", Buffer.alloc(0))).toMatch(/empty/);
    // A zip that is not a Word document (an .xlsx renamed, say).
    const zip = Buffer.from(draftDocx);
    const renamed = Buffer.from(zip.toString("latin1").replaceAll("word/document.xml", "word/documenX.xml"), "latin1");
    expect(await reason("draft.docx", renamed)).toMatch(/not a readable Word document|damaged/);
  });
});

describe("section keys", () => {
  it("are slugs of headings without their numbering, unique within a version", () => {
    expect(keySlug("2.1 Data collection")).toBe("data-collection");
    expect(keySlug("IV. Scope")).toBe("scope");
    expect(keySlug("A guide to participation")).toBe("a-guide-to-participation");
    expect(keySlug("Participación de las víctimas")).toBe("participacion-de-las-victimas");
    expect(keySlug("المساعدة")).toBe("section");
    const keys = assignKeys(
      [
        { heading: "Scope", body: "a" },
        { heading: "1. Scope", body: "b" },
        { heading: "المساعدة", body: "c" },
        { heading: "مقدمة", body: "d" },
      ],
      [],
    ).map((k) => k.key);
    expect(keys).toEqual(["scope", "scope-2", "section", "section-2"]);
  });

  it("carry over to the next version by heading, then by unchanged text; new sections never take an old key", () => {
    const previous = [
      { key: "purpose-and-scope", heading: "1. Purpose and scope", body: "Purpose." },
      { key: "data", heading: "2. Data", body: "Data text." },
      { key: "budgets", heading: "3. Budgets", body: "Old budget text." },
      { key: "budgets-2", heading: "Annex", body: "Dropped in the new draft." },
    ];
    const keys = assignKeys(
      [
        { heading: "Purpose and scope", body: "Purpose, revised." }, // renumbered heading
        { heading: "2. Data and evidence", body: "Data text." }, // renamed, same text
        { heading: "Budgets", body: "New budget text." },
        { heading: "Budgets", body: "A second section with the same heading." },
      ],
      previous,
    );
    expect(keys).toEqual([
      { key: "purpose-and-scope", continues: "purpose-and-scope" },
      { key: "data", continues: "data" },
      { key: "budgets", continues: "budgets" },
      { key: "budgets-3", continues: null }, // not budgets-2: that key belonged to the annex
    ]);
  });
});

describe("importing through the pages", () => {
  it("previews an upload without saving, then saves it as version 1 with its import audited", async () => {
    const versionsBefore = await db().documentVersion.count({ where: { consultationId } });
    const uploaded = await outcome(() => importAction({ request: upload(coordinator, { name: "draft.md", content: draftMd }), params: { consultationId }, context }));
    expect(uploaded.status).toBe(302);
    expect(await db().documentVersion.count({ where: { consultationId } })).toBe(versionsBefore);
    const importId = uploaded.location!.split("/").pop()!;
    const preview = await outcome(() => previewLoader({ request: get(uploaded.location!, analyst), params: { consultationId, importId }, context }));
    expect(preview.data.canEdit).toBe(false);
    expect(preview.data.nextNumber).toBe(1);
    expect(preview.data.sections.map((s: { key: string }) => s.key)).toEqual([
      "introduction",
      "purpose-and-scope",
      "planning-services",
      "participation-of-persons-with-disabilities",
      "monitoring-and-review",
    ]);
    const rendered = preview.data.sections.map((s: { html: string }) => s.html).join("");
    expect(rendered).toContain("&lt;script&gt;");
    expect(rendered).not.toContain("<script");

    // An analyst may look but not save.
    const refused = await outcome(() => previewAction({ request: post(uploaded.location!, { intent: "save" }, analyst), params: { consultationId, importId }, context }));
    expect(refused.status).toBe(403);

    // Missing headings are refused with the typed values kept.
    const bad = await outcome(() =>
      previewAction({ request: post(uploaded.location!, { intent: "save", title: "V1", "heading-0": "", "body-0": "kept text" }, coordinator), params: { consultationId, importId }, context }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors["heading-0"]).toMatch(/heading/);
    expect(bad.data.values["body-0"]).toBe("kept text");

    // "Update the preview" keeps the edits with the import, still without saving a version.
    const fields: Record<string, string> = { intent: "update", title: "Edited title", note: "A note" };
    preview.data.sections.forEach((s: { heading: string; body: string }, i: number) => {
      fields[`heading-${i}`] = i === 0 ? "Foreword" : s.heading;
      fields[`body-${i}`] = i === 0 ? "New **intro**\u0000." : s.body;
    });
    const updated = await outcome(() => previewAction({ request: post(uploaded.location!, fields, coordinator), params: { consultationId, importId }, context }));
    expect(updated.location).toMatch(/\?updated=1$/);
    const again = await outcome(() => previewLoader({ request: get(uploaded.location!, coordinator), params: { consultationId, importId }, context }));
    expect(again.data).toMatchObject({ title: "Edited title", note: "A note" });
    expect(again.data.sections[0]).toMatchObject({ heading: "Foreword", key: "foreword", body: "New **intro**." });
    expect(again.data.sections[0].html).toContain("<strong>intro</strong>");
    expect(await db().documentVersion.count({ where: { consultationId } })).toBe(versionsBefore);
  });

  it("saves the preview with the coordinator's edits, and a second click saves nothing more", async () => {
    const { versionId, location, importId, fields } = await importAndSave({ name: "draft.md", content: draftMd }, { "heading-1": "1. Purpose, scope and audience", note: "Zero draft" });
    const version = await db().documentVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(version.note).toBe("Zero draft");
    const sections = await sectionsOf(versionId);
    expect(sections.map((s) => s.heading)[1]).toBe("1. Purpose, scope and audience");
    expect(sections.map((s) => s.key)[1]).toBe("purpose-scope-and-audience");
    expect(new Set(sections.map((s) => s.key)).size).toBe(sections.length);
    const again = await outcome(() => previewAction({ request: post(location, fields, coordinator), params: { consultationId, importId }, context }));
    expect(again.location).toContain(versionId);
    expect(await db().documentVersion.count({ where: { consultationId } })).toBe(version.number);
    const event = await db().auditEvent.findFirstOrThrow({ where: { consultationId, action: "version.created", entityId: versionId } });
    expect(event.data).toMatchObject({ source: "markdown", sections: 5, file: "draft.md" });
  });

  it("imports the Word fixture as the next version, carrying over keys that match", async () => {
    const before = await db().documentVersion.findFirstOrThrow({ where: { consultationId }, orderBy: { number: "desc" }, include: { sections: true } });
    const { versionId } = await importAndSave({ name: "draft.docx", content: draftDocx });
    const version = await db().documentVersion.findUniqueOrThrow({ where: { id: versionId }, include: { sections: { orderBy: { position: "asc" } } } });
    expect(version.number).toBe(before.number + 1);
    expect(version.basedOnId).toBe(before.id);
    expect(version.title).toBe("Guidance on an Integrated Approach to Victim Assistance");
    // "Introduction" is in both drafts: same key. Version 1's purpose section was renamed in
    // its preview ("purpose-scope-and-audience"), so "Purpose and scope" here is a new section.
    expect(version.sections.map((s) => s.key)).toEqual(["introduction", "purpose-and-scope", "data-collection", "survivor-participation", "measuring-progress"]);
  });

  it("refuses a wrong file, two inputs at once, nothing at all, and a file over 10 MB", async () => {
    const run = (request: Request) => outcome(() => importAction({ request, params: { consultationId }, context }));
    const pdf = await run(upload(coordinator, { name: "draft.pdf", content: "%PDF-1.7" }));
    expect(pdf.status).toBe(400);
    expect(pdf.data.errors.file).toMatch(/Word document \(\.docx\) or a Markdown/);
    const both = await run(upload(coordinator, { name: "draft.md", content: draftMd }, { markdown: "# Pasted" }));
    expect(both.data.errors.file).toMatch(/not both/);
    const none = await run(upload(coordinator, null, { markdown: "" }));
    expect(none.data.errors.file).toMatch(/Choose a Word/);
    const big = await run(upload(coordinator, { name: "big.md", content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) }));
    expect(big.status).toBe(400);
    expect(big.data.errors.file).toMatch(/larger than 10 MB/);
    const pasted = await run(upload(coordinator, null, { markdown: "# A\n\nText\n\n# B\n\nMore" }));
    expect(pasted.status).toBe(302);
    const urlencoded = await run(post(`/consultations/${consultationId}/versions/import`, { markdown: "# A\n\nText" }, coordinator));
    expect(urlencoded.status).toBe(302);
    expect((await run(upload(analyst, null, { markdown: "# A" }))).status).toBe(403);
    expect((await run(upload(stranger, null, { markdown: "# A" }))).status).toBe(404);
  });

  it("discards an import without saving anything", async () => {
    const uploaded = await outcome(() => importAction({ request: upload(coordinator, null, { markdown: "# Only\n\nText" }), params: { consultationId }, context }));
    const importId = uploaded.location!.split("/").pop()!;
    const count = await db().documentVersion.count({ where: { consultationId } });
    const discarded = await outcome(() => previewAction({ request: post(uploaded.location!, { intent: "discard" }, coordinator), params: { consultationId, importId }, context }));
    expect(discarded.status).toBe(302);
    expect((await db().pendingImport.findUniqueOrThrow({ where: { id: importId } })).discardedAt).not.toBeNull();
    const late = await outcome(() =>
      previewAction({ request: post(uploaded.location!, { intent: "save", title: "Late", "heading-0": "Only", "body-0": "Text" }, coordinator), params: { consultationId, importId }, context }),
    );
    expect(late.status).toBe(409);
    expect(await db().documentVersion.count({ where: { consultationId } })).toBe(count);
  });
});

describe("sections of an unlocked version", () => {
  let versionId: string;

  beforeAll(async () => {
    ({ versionId } = await importAndSave({ name: "rules.md", content: "# Alpha\n\nA1.\n\nA2.\n\n- A3 item\n- A3 item two\n\n# Beta\n\nB1.\n\n## Beta sub\n\nB2.\n\n# Gamma\n\nG1." }));
  });

  it("lists its paragraphs as top-level blocks, so a list is never cut in two", () => {
    expect(paragraphs("A1.\n\nA2.\n\n- x\n- y\n\n| a | b |\n|---|---|\n| 1 | 2 |").map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(splitBody("A1.\n\nA2.\n\n- x\n- y", 3)).toEqual(["A1.\n\nA2.", "- x\n- y"]);
    expect(() => splitBody("Only one.", 2)).toThrow(/only one paragraph/);
    expect(() => splitBody("A.\n\nB.", 3)).toThrow(/from 2 to 2/);
  });

  it("splits at a paragraph: the first part keeps the key, the second gets a new unique key", async () => {
    const { newKey } = await splitSection(coordinatorId, consultationId, versionId, "alpha", 3, "Alpha");
    expect(newKey).toBe("alpha-2");
    const sections = await sectionsOf(versionId);
    expect(sections.map((s) => [s.key, s.position])).toEqual([
      ["alpha", 1],
      ["alpha-2", 2],
      ["beta", 3],
      ["gamma", 4],
    ]);
    expect(sections[0]!.body).toBe("A1.\n\nA2.");
    expect(sections[1]!.body).toBe("- A3 item\n- A3 item two");
    await expect(splitSection(coordinatorId, consultationId, versionId, "gamma", 2, "Nothing")).rejects.toThrow(/only one paragraph/);
  });

  it("merges a section with the next: the first key stays, the second heading becomes a sub-heading", async () => {
    expect(mergeBodies({ body: "One." }, { heading: "Two", body: "Text.\n\n## Inner\n\nMore." })).toBe("One.\n\n## Two\n\nText.\n\n### Inner\n\nMore.");
    await mergeWithNext(coordinatorId, consultationId, versionId, "alpha");
    const sections = await sectionsOf(versionId);
    expect(sections.map((s) => [s.key, s.position])).toEqual([
      ["alpha", 1],
      ["beta", 2],
      ["gamma", 3],
    ]);
    expect(sections[0]!.body).toBe("A1.\n\nA2.\n\n## Alpha\n\n- A3 item\n- A3 item two");
    await expect(mergeWithNext(coordinatorId, consultationId, versionId, "gamma")).rejects.toThrow(/last section/);
  });

  it("reorders by moving up and down, and refuses an order that is not the version's sections", async () => {
    await moveSection(coordinatorId, consultationId, versionId, "gamma", "up");
    expect((await sectionsOf(versionId)).map((s) => s.key)).toEqual(["alpha", "gamma", "beta"]);
    await moveSection(coordinatorId, consultationId, versionId, "alpha", "up"); // already first: nothing happens
    await reorderSections(coordinatorId, consultationId, versionId, ["beta", "gamma", "alpha"]);
    expect((await sectionsOf(versionId)).map((s) => s.key)).toEqual(["beta", "gamma", "alpha"]);
    await expect(reorderSections(coordinatorId, consultationId, versionId, ["beta", "gamma"])).rejects.toBeInstanceOf(VersionChangeError);
  });

  it("edits through the page, keeps the key when the heading changes, and refuses a save over someone else's change", async () => {
    const beta = (await sectionsOf(versionId)).find((s) => s.key === "beta")!;
    const url = `/consultations/${consultationId}/versions/${versionId}/sections/beta`;
    const params = { consultationId, versionId, sectionKey: "beta" };
    const fields = { intent: "save", heading: "Beta renamed", body: "B1 edited.\r\n\r\nB2.", tags: "LAP 1, LAP 2, LAP 1", baseline: sectionBaseline(beta) };
    const saved = await outcome(() => sectionAction({ request: post(url, fields, coordinator), params, context }));
    expect(saved.status).toBe(302);
    const after = (await sectionsOf(versionId)).find((s) => s.key === "beta")!;
    expect(after).toMatchObject({ heading: "Beta renamed", body: "B1 edited.\n\nB2.", tags: ["LAP 1", "LAP 2"] });

    const stale = await outcome(() => sectionAction({ request: post(url, { ...fields, body: "My later text" }, coordinator), params, context }));
    expect(stale.status).toBe(409);
    expect(stale.data.reason).toBe("changed");
    expect(stale.data.values.body).toBe("My later text");

    const byAnalyst = await outcome(() => sectionAction({ request: post(url, fields, analyst), params, context }));
    expect(byAnalyst.status).toBe(403);
  });

  it("runs split, merge and moves from the version page, with errors tied to the section", async () => {
    const url = `/consultations/${consultationId}/versions/${versionId}`;
    const params = { consultationId, versionId };
    const page = await outcome(() => versionLoader({ request: get(url, coordinator), params, context }));
    expect(page.data.canEdit).toBe(true);
    const beta = page.data.sections.find((s: { key: string }) => s.key === "beta");
    expect(beta.paragraphs.length).toBeGreaterThan(1);
    const missing = await outcome(() => versionAction({ request: post(url, { intent: "split", key: "beta", at: "", heading: "" }, coordinator), params, context }));
    expect(missing.status).toBe(400);
    expect(missing.data.key).toBe("beta");
    expect(Object.keys(missing.data.errors).sort()).toEqual(["at", "heading"]);
    const split = await outcome(() => versionAction({ request: post(url, { intent: "split", key: "beta", at: "2", heading: "Beta two" }, coordinator), params, context }));
    expect(split.status).toBe(302);
    expect(split.location).toContain("#section-beta-two");
    const moved = await outcome(() => versionAction({ request: post(url, { intent: "move-down", key: "beta-two" }, coordinator), params, context }));
    expect(moved.status).toBe(302);
    const merged = await outcome(() => versionAction({ request: post(url, { intent: "merge", key: "beta" }, coordinator), params, context }));
    expect(merged.status).toBe(302);
    expect((await sectionsOf(versionId)).map((s) => s.key)).toEqual(["beta", "beta-two", "alpha"]);
    const byAnalyst = await outcome(() => versionAction({ request: post(url, { intent: "merge", key: "beta" }, analyst), params, context }));
    expect(byAnalyst.status).toBe(403);
  });

  it("audits every change with its own action", async () => {
    const events = await db().auditEvent.findMany({ where: { consultationId, entityType: "DocumentVersion", entityId: versionId } });
    const actions = new Set(events.map((e) => e.action));
    for (const action of ["version.created", "version.section-edited", "version.sections-reordered", "version.section-split", "version.sections-merged"]) {
      expect(actions, action).toContain(action);
    }
    const edit = events.find((e) => e.action === "version.section-edited")!;
    expect(edit.actorId).toBe(coordinatorId);
    expect(edit.data).toMatchObject({ key: "beta", changed: ["heading", "body", "tags"], heading: { from: "Beta", to: "Beta renamed" } });
  });
});

describe("a version used by a round", () => {
  let lockedId: string;

  beforeAll(async () => {
    ({ versionId: lockedId } = await importAndSave({ name: "locked.md", content: "# One\n\nFirst.\n\nSecond.\n\n# Two\n\nThird." }));
  });

  it("refuses every change once a round uses it, even before lockedAt is set", async () => {
    await db().round.create({ data: { consultationId, versionId: lockedId, number: 1, title: "First round" } });
    const one = (await sectionsOf(lockedId))[0]!;
    const attempts = [
      () => editSection(coordinatorId, consultationId, lockedId, "one", { heading: "X", body: "Y", tags: [], baseline: sectionBaseline(one) }),
      () => splitSection(coordinatorId, consultationId, lockedId, "one", 2, "Split"),
      () => mergeWithNext(coordinatorId, consultationId, lockedId, "one"),
      () => moveSection(coordinatorId, consultationId, lockedId, "two", "up"),
      () => reorderSections(coordinatorId, consultationId, lockedId, ["two", "one"]),
    ];
    for (const attempt of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionChangeError);
      expect((error as VersionChangeError).reason).toBe("locked");
      expect((error as Error).message).toMatch(/used by a round.*Create a new version/);
    }
    expect((await sectionsOf(lockedId)).map((s) => [s.key, s.heading, s.body])).toEqual([
      ["one", "One", "First.\n\nSecond."],
      ["two", "Two", "Third."],
    ]);
  });

  it("refuses edits when lockedAt is set, keeps the typed text and offers a new version that applies it", async () => {
    await db().documentVersion.update({ where: { id: lockedId }, data: { lockedAt: new Date() } });
    const one = (await sectionsOf(lockedId))[0]!;
    const url = `/consultations/${consultationId}/versions/${lockedId}/sections/one`;
    const params = { consultationId, versionId: lockedId, sectionKey: "one" };
    const fields = { heading: "One, revised", body: "First, better.\n\nSecond.", tags: "", baseline: sectionBaseline(one) };
    const refused = await outcome(() => sectionAction({ request: post(url, { ...fields, intent: "save" }, coordinator), params, context }));
    expect(refused.status).toBe(409);
    expect(refused.data.reason).toBe("locked");
    expect(refused.data.errors.form).toMatch(/Create a new version/);
    expect(refused.data.values.body).toBe("First, better.\n\nSecond.");

    const page = await outcome(() => versionLoader({ request: get(`/consultations/${consultationId}/versions/${lockedId}`, coordinator), params: { consultationId, versionId: lockedId }, context }));
    expect(page.data).toMatchObject({ locked: true, canEdit: false, canCreate: true });
    const viaPage = await outcome(() =>
      versionAction({ request: post(`/consultations/${consultationId}/versions/${lockedId}`, { intent: "merge", key: "one" }, coordinator), params: { consultationId, versionId: lockedId }, context }),
    );
    expect(viaPage.status).toBe(409);
    expect(viaPage.data.errors.form).toMatch(/can no longer change/);

    const made = await outcome(() => sectionAction({ request: post(url, { ...fields, intent: "new-version" }, coordinator), params, context }));
    expect(made.status).toBe(302);
    expect(made.location).toMatch(/applied=1/);
    const newId = made.location!.split("/versions/")[1]!.split("/")[0]!;
    const next = await db().documentVersion.findUniqueOrThrow({ where: { id: newId }, include: { sections: { orderBy: { position: "asc" } } } });
    expect(next.basedOnId).toBe(lockedId);
    expect(next.lockedAt).toBeNull();
    expect(next.sections.map((s) => [s.key, s.heading, s.body])).toEqual([
      ["one", "One, revised", "First, better.\n\nSecond."],
      ["two", "Two", "Third."],
    ]);
    expect((await sectionsOf(lockedId))[0]!.heading).toBe("One");
  });

  it("copies any version into the next number with the same keys, and lists which rounds use each", async () => {
    const { versionId, number } = await createVersionFrom({ actorId: coordinatorId, consultationId, fromVersionId: lockedId });
    const [from, copy] = await Promise.all([sectionsOf(lockedId), sectionsOf(versionId)]);
    expect(copy.map((s) => [s.key, s.heading, s.body])).toEqual(from.map((s) => [s.key, s.heading, s.body]));
    const list = await outcome(() => listLoader({ request: get(`/consultations/${consultationId}/versions`, analyst), params: { consultationId }, context }));
    expect(list.data.canEdit).toBe(false);
    expect(list.data.versions[0]).toMatchObject({ number, locked: false, rounds: [] });
    expect(list.data.versions.find((v: { id: string }) => v.id === lockedId)).toMatchObject({ locked: true, rounds: [{ title: "First round" }] });
    const copied = await db().auditEvent.findFirstOrThrow({ where: { action: "version.created", entityId: versionId } });
    expect(copied.data).toMatchObject({ source: "copy" });
  });

  it("is hidden from people outside the consultation", async () => {
    const page = await outcome(() => versionLoader({ request: get(`/consultations/${consultationId}/versions/${lockedId}`, stranger), params: { consultationId, versionId: lockedId }, context }));
    expect(page.status).toBe(404);
  });
});
