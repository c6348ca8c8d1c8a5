/**
 * What a stakeholder CSV would change, row by row, against the registry as it is now.
 * Organisations are matched by name and people by email (both case-insensitive), so a second
 * import of a changed file updates instead of duplicating. For something already in the
 * registry an empty cell keeps what is there. Rows naming the same organisation must agree.
 */
import { z } from "zod";
import type { ContactRole, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/modules/db/client.server";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import { countryCode } from "./countries";
import type { Cells, CsvRow } from "./csv-format.server";

type Client = Db | Prisma.TransactionClient;

export type RowStatus = "new" | "update" | "unchanged" | "error";
export type ReportRow = CsvRow & { status: RowStatus; problems: string[]; changes: string[] };

type OrgValues = { shortName?: string; typeId?: string; country?: string; languages?: string[]; survivorLed?: boolean };
type ExistingOrg = { id: string; name: string } & { [K in keyof OrgValues]-?: OrgValues[K] | null };
export type PlannedOrganisation = { name: string; existing?: ExistingOrg; values: OrgValues; changed: Array<keyof OrgValues> };
export type PlannedContact = { email: string; name?: string; language?: string; role?: ContactRole };
export type PlannedRow = ReportRow & { orgKey: string; contact?: PlannedContact };

const LANGUAGES = new Set<string>(CONSULTATION_LANGUAGES.map((l) => l.id));
const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);
const FIELD_LABELS: Record<keyof OrgValues, string> = { shortName: "short_name", typeId: "type", country: "country", languages: "languages", survivorLed: "survivor_led" };
const isEmail = (value: string) => z.email().safeParse(value).success;

type Types = Map<string, { id: string; label: string }>;

function readOrganisation(cells: Cells, types: Types, problems: string[]): OrgValues {
  const values: OrgValues = {};
  if (cells.short_name) values.shortName = cells.short_name;
  if (cells.type) {
    const type = types.get(cells.type.toLowerCase());
    if (type) values.typeId = type.id;
    else problems.push(`unknown type "${cells.type}"`);
  }
  if (cells.country) {
    const code = countryCode(cells.country);
    if (code) values.country = code;
    else problems.push(`unknown country "${cells.country}" (use a two-letter ISO code such as LA)`);
  }
  if (cells.languages) {
    const list = [...new Set(cells.languages.toLowerCase().split(/[;,\s/]+/).filter(Boolean))];
    const unknown = list.filter((l) => !LANGUAGES.has(l));
    if (unknown.length) problems.push(`unknown language "${unknown.join(", ")}" (use ${[...LANGUAGES].join(", ")})`);
    else values.languages = list;
  }
  if (cells.survivor_led) {
    const v = cells.survivor_led.toLowerCase();
    if (YES.has(v) || NO.has(v)) values.survivorLed = YES.has(v);
    else problems.push(`survivor_led must be yes or no, not "${cells.survivor_led}"`);
  }
  return values;
}

function readContact(cells: Cells, problems: string[]): PlannedContact | undefined {
  if (!cells.contact_email && !cells.contact_name && !cells.contact_language && !cells.contact_role) return undefined;
  const email = cells.contact_email.toLowerCase();
  if (!email) problems.push("contact_email is missing");
  else if (!isEmail(email)) problems.push(`bad email "${cells.contact_email}"`);
  const contact: PlannedContact = { email };
  if (cells.contact_name) contact.name = cells.contact_name.slice(0, 120);
  if (cells.contact_language) {
    const language = cells.contact_language.toLowerCase();
    if (LANGUAGES.has(language)) contact.language = language;
    else problems.push(`unknown contact_language "${cells.contact_language}" (use ${[...LANGUAGES].join(", ")})`);
  }
  if (cells.contact_role) {
    const role = cells.contact_role.toLowerCase();
    if (role === "contributor" || role === "submitter") contact.role = role.toUpperCase() as ContactRole;
    else problems.push(`contact_role must be contributor or submitter, not "${cells.contact_role}"`);
  }
  return contact;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const tidy = (name: string) => name.replace(/\s+/g, " ").trim();

export async function planImport(client: Client, rows: CsvRow[]) {
  const typeRows = await client.stakeholderType.findMany({ select: { id: true, key: true, label: true } });
  const types: Types = new Map(typeRows.flatMap((t) => [[t.key.toLowerCase(), t], [t.label.toLowerCase(), t]] as const));
  const typeLabel = new Map(typeRows.map((t) => [t.id, t.label]));
  const existingOrgs = new Map(
    (await client.organisation.findMany({ select: { id: true, name: true, shortName: true, typeId: true, country: true, languages: true, survivorLed: true } })).map((o) => [
      tidy(o.name).toLowerCase(),
      o,
    ]),
  );
  const emails = [...new Set(rows.map((r) => r.cells.contact_email.toLowerCase()).filter(Boolean))];
  const users = new Map((await client.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, name: true, language: true } })).map((u) => [u.email, u]));
  const links = new Map(
    (await client.contact.findMany({ where: { userId: { in: [...users.values()].map((u) => u.id) } }, select: { organisationId: true, userId: true, role: true } })).map((c) => [
      `${c.organisationId}:${c.userId}`,
      c,
    ]),
  );

  // Pass 1: read every row; rows of one organisation merge their details, and must agree.
  const organisations = new Map<string, PlannedOrganisation & { setBy: Partial<Record<keyof OrgValues, number>> }>();
  const emailRows = new Map<string, number>();
  const planned: PlannedRow[] = rows.map((r) => {
    const problems: string[] = [];
    const name = tidy(r.cells.organisation);
    if (!name) problems.push("organisation name is missing");
    else if (name.length > 200) problems.push("organisation name is longer than 200 characters");
    const values = readOrganisation(r.cells, types, problems);
    const contact = readContact(r.cells, problems);
    if (contact?.email) {
      const first = emailRows.get(contact.email);
      if (first) problems.push(`duplicate email: ${contact.email} is also on row ${first}`);
      else emailRows.set(contact.email, r.row);
      if (!contact.name && !users.has(contact.email)) problems.push("contact_name is missing for a new person");
    }
    const orgKey = name.toLowerCase();
    if (name && !organisations.has(orgKey)) {
      const existing = existingOrgs.get(orgKey);
      organisations.set(orgKey, { name: existing?.name ?? name, existing, values: {}, changed: [], setBy: {} });
    }
    const org = organisations.get(orgKey);
    if (org && problems.length === 0) {
      const entries = Object.entries(values) as Array<[keyof OrgValues, OrgValues[keyof OrgValues]]>;
      const clash = entries.filter(([field, value]) => field in org.values && !same(org.values[field], value));
      for (const [field] of clash) problems.push(`${FIELD_LABELS[field]} differs from row ${org.setBy[field]} for the same organisation`);
      if (clash.length === 0) {
        for (const [field, value] of entries) {
          if (!(field in org.values)) {
            Object.assign(org.values, { [field]: value });
            org.setBy[field] = r.row;
          }
        }
      }
    }
    return { ...r, orgKey, contact, status: "error" as RowStatus, problems, changes: [] };
  });

  // Pass 2: what each good row creates or changes; an organisation's own change is told on its first good row.
  const told = new Set<string>();
  for (const row of planned) {
    const org = organisations.get(row.orgKey);
    if (!org || row.problems.length > 0) continue;
    if (!org.existing && !org.values.typeId) {
      row.problems.push("type is missing for a new organisation");
      continue;
    }
    const user = row.contact ? users.get(row.contact.email) : undefined;

    let creates = false;
    if (!told.has(row.orgKey)) {
      told.add(row.orgKey);
      if (!org.existing) {
        creates = true;
        row.changes.push(`new organisation (${typeLabel.get(org.values.typeId!)})`);
      } else {
        org.changed = (Object.keys(org.values) as Array<keyof OrgValues>).filter((f) => !same(org.existing![f], org.values[f]));
        if (org.changed.length) row.changes.push(`organisation: ${org.changed.map((f) => FIELD_LABELS[f]).join(", ")} changed`);
      }
    }
    if (row.contact) {
      const c = row.contact;
      if (!user) {
        creates = true;
        row.changes.push(`new person ${c.email}`);
      } else {
        if (c.name && c.name !== user.name) row.changes.push(`name changed from "${user.name}"`);
        if (c.language && c.language !== user.language) row.changes.push(`language changed from ${user.language}`);
      }
      const link = user && org.existing ? links.get(`${org.existing.id}:${user.id}`) : undefined;
      if (!link) {
        creates = true;
        row.changes.push(`new contact (${(c.role ?? "CONTRIBUTOR").toLowerCase()})`);
      } else if (c.role && c.role !== link.role) {
        row.changes.push(`role changed to ${c.role.toLowerCase()}`);
      }
    }
    row.status = creates ? "new" : row.changes.length ? "update" : "unchanged";
  }
  return { rows: planned, organisations };
}

export function reportOf(rows: PlannedRow[]): ReportRow[] {
  return rows.map(({ row, cells, status, problems, changes }) => ({ row, cells, status, problems, changes }));
}

export function countsOf(rows: ReportRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
