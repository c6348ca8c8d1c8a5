/**
 * Exports in a real browser, with and without JavaScript: the coordinator opens the demo
 * round's exports page (axe scan), downloads the comment matrix as XLSX and as DOCX, and opens
 * both as Excel and Word would (exceljs; the DOCX's word/document.xml): the ISO columns are
 * there and so is a comment the demo data is known to hold. Reads only: no state changes
 * other specs depend on (each download writes an audit entry).
 */
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { COORDINATOR, database, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

// Sign-in, an axe scan and two downloads on a shared machine: allow for a slow one.
test.setTimeout(180_000);

const HEADERS = ["No.", "Stakeholder", "Clause/section", "Paragraph", "Type of comment (general/technical/editorial)", "Comment", "Proposed change", "Observations of the secretariat"];

type Demo = { path: string; organisation: string; comment: string };

/** The demo round's exports page, and one submitted written comment from it (trimmed, as the matrix shows it). */
async function demo(): Promise<Demo> {
  const db = database();
  try {
    const round = await db.round.findFirstOrThrow({ where: { consultation: { slug: "victim-assistance-guidance" }, number: 1 } });
    const answer = await db.answer.findFirstOrThrow({
      where: { question: { type: "LONG_TEXT" }, text: { not: null }, response: { roundId: round.id, status: "SUBMITTED", channel: "PLATFORM" } },
      include: { response: { include: { organisation: true } } },
      orderBy: { id: "asc" },
    });
    return { path: `/consultations/${round.consultationId}/rounds/${round.id}/exports`, organisation: answer.response.organisation.name, comment: answer.text!.trim() };
  } finally {
    await db.$disconnect();
  }
}

async function downloadLink(page: Page, name: string): Promise<{ filename: string; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: new RegExp(`^${name.replace(".", "\\.")}\\s*:`) }).click()]);
  const file = await download.path();
  return { filename: download.suggestedFilename(), content: fs.readFileSync(file) };
}

test("a coordinator downloads the comment matrix as XLSX and DOCX and opens both", async ({ page }) => {
  const { path, organisation, comment } = await demo();
  await signInAs(page, COORDINATOR, { redirectTo: path });
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Exports", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Comment-resolution matrix" })).toBeVisible();
  await expectAccessible(page, "the exports page");

  const xlsx = await downloadLink(page, "matrix.xlsx");
  expect(xlsx.filename).toBe("victim-assistance-guidance-round-1-comment-matrix.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
  });
  expect(rows.some((r) => r[1] === organisation && r[5] === comment)).toBe(true);

  const docx = await downloadLink(page, "matrix.docx");
  expect(docx.filename).toBe("victim-assistance-guidance-round-1-comment-matrix.docx");
  const zip = await JSZip.loadAsync(docx.content);
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join("\n");
  for (const header of HEADERS) expect(text).toContain(header);
  expect(text).toContain(organisation);
  expect(text).toContain(comment.split("\n")[0]!);
});
