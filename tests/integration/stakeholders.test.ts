/**
 * The stakeholder registry: CSV import with a row-by-row report and nothing written before
 * confirmation, re-import updating by email, export round-tripping through import, the
 * organisation and contact forms, the type list, and who may use any of it. Route loaders
 * and actions are called directly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { loader as listLoader } from "~/routes/stakeholders._index";
import { action as newAction } from "~/routes/stakeholders.new";
import { action as organisationAction, loader as organisationLoader } from "~/routes/stakeholders.$organisationId";
import { action as uploadAction, loader as uploadLoader } from "~/routes/stakeholders.import._index";
import { action as previewAction, loader as previewLoader } from "~/routes/stakeholders.import.$importId";
import { loader as exportLoader } from "~/routes/stakeholders.export[.]csv";
import { action as typesAction, loader as typesLoader } from "~/routes/stakeholders.types";
import { BASE, context, cookieFor, get, outcome, post } from "./route-helpers";

const HEADER = "organisation,short_name,type,country,languages,survivor_led,contact_name,contact_email,contact_language,contact_role";

function upload(csv: string | Buffer, cookie: string, filename = "stakeholders.csv") {
  const form = new FormData();
  form.append("file", new Blob([typeof csv === "string" ? csv : new Uint8Array(csv)], { type: "text/csv" }), filename);
  return new Request(`${BASE}/stakeholders/import`, { method: "POST", headers: { cookie }, body: form });
}

/** Uploads a CSV and returns the import's id and its report. */
async function preview(csv: string | Buffer, cookie: string) {
  const uploaded = await outcome(() => uploadAction({ request: upload(csv, cookie), params: {}, context }));
  expect(uploaded.status, JSON.stringify(uploaded.data)).toBe(302);
  const importId = uploaded.location!.split("/").pop()!;
  const report = await outcome(() => previewLoader({ request: get(`/stakeholders/import/${importId}`, cookie), params: { importId }, context }));
  return { importId, report: report.data };
}

function confirm(importId: string, cookie: string, intent = "confirm") {
  return outcome(() => previewAction({ request: post(`/stakeholders/import/${importId}`, { intent }, cookie), params: { importId }, context }));
}

async function registry() {
  const organisations = await db().organisation.findMany({
    orderBy: { name: "asc" },
    select: { name: true, shortName: true, typeId: true, country: true, languages: true, survivorLed: true, contacts: { select: { role: true, user: { select: { email: true, name: true, language: true } } }, orderBy: { userId: "asc" } } },
  });
  return { organisations, users: await db().user.count(), contacts: await db().contact.count() };
}

let coordinator: string, analyst: string, respondent: string;

beforeAll(async () => {
  const [c, a, r] = await Promise.all(
    ["lead@example.org", "reader@example.org", "focal@ministry.example"].map((email) => db().user.create({ data: { email, name: email.split("@")[0]! } })),
  );
  await db().consultation.create({
    data: { slug: "va", title: "Victim assistance guidance", members: { create: [{ userId: c!.id, role: "COORDINATOR" }, { userId: a!.id, role: "ANALYST" }] } },
  });
  coordinator = await cookieFor(c!.id);
  analyst = await cookieFor(a!.id);
  respondent = await cookieFor(r!.id);

  // A fresh deployment starts with the default types.
  const defaults = await outcome(() => typesAction({ request: post("/stakeholders/types", { intent: "add-defaults" }, coordinator), params: {}, context }));
  expect(defaults.status).toBe(302);
  const ngo = await db().stakeholderType.findUniqueOrThrow({ where: { key: "ngo" } });
  // The respondent already speaks for an organisation: imports must find them by email.
  await db().organisation.create({
    data: { name: "Humanity & Inclusion", shortName: "HI", typeId: ngo.id, languages: ["en", "fr"], contacts: { create: { userId: r!.id, role: "SUBMITTER" } } },
  });
});

describe("who may use the registry", () => {
  it("lets coordinators in, refuses analysts (403) and hides it from respondents (404)", async () => {
    expect((await outcome(() => listLoader({ request: get("/stakeholders", coordinator), params: {}, context }))).status).toBe(200);
    for (const [cookie, status] of [[analyst, 403], [respondent, 404]] as const) {
      expect((await outcome(() => listLoader({ request: get("/stakeholders", cookie), params: {}, context }))).status).toBe(status);
      expect((await outcome(() => exportLoader({ request: get("/stakeholders/export.csv", cookie), params: {}, context }))).status).toBe(status);
      expect((await outcome(() => uploadLoader({ request: get("/stakeholders/import", cookie), params: {}, context }))).status).toBe(status);
      expect((await outcome(() => uploadAction({ request: upload(`${HEADER}\nX,,ngo,,,,,,,`, cookie), params: {}, context }))).status).toBe(status);
      expect((await outcome(() => typesAction({ request: post("/stakeholders/types", { intent: "add-defaults" }, cookie), params: {}, context }))).status).toBe(status);
      expect((await outcome(() => newAction({ request: post("/stakeholders/new", { name: "Mine", typeId: "x", languages: "en", survivorLed: "no" }, cookie), params: {}, context }))).status).toBe(status);
    }
    expect(await db().pendingImport.count()).toBe(0);
  });

  it("sends someone signed out to sign in", async () => {
    const result = await outcome(() => listLoader({ request: get("/stakeholders"), params: {}, context }));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});

const FIRST_IMPORT = [
  HEADER,
  "Mine Victims Association of Iraq,MVAI,survivor-org,IQ,ar;en,yes,Haider Kadhim,H.Kadhim@mvai-iraq.example,ar,submitter",
  "Mine Victims Association of Iraq,MVAI,survivor-org,IQ,ar;en,yes,Noor Abbas,n.abbas@mvai-iraq.example,ar,contributor",
  "Réseau des survivants du Tchad,RST,Survivor organisation / organisation of persons with disabilities,TD,fr;ar,yes,Hawa Moussa,hawa@rst-tchad.example,fr,submitter",
  "Disability Network,,ngo,SS,en,no,Peter Lado,peter.lado-at-dinss.example,en,contributor",
  "Somewhere Else,,think-tank,FR,en,no,Anne Roy,anne@else.example,en,submitter",
  "Nowhere Org,,ngo,Atlantis,en,no,Jo Bloggs,jo@nowhere.example,en,submitter",
  "Copy Org,,ngo,FR,fr,no,Copy Cat,n.abbas@mvai-iraq.example,fr,submitter",
  ",,ngo,FR,fr,no,No Name,noname@example.org,fr,submitter",
  "Humanity & Inclusion,,,,,,Claire Moreau,focal@ministry.example,fr,",
].join("\r\n");

describe("import", () => {
  let importId: string;

  it("reports every row, with reasons, and writes nothing before confirmation", async () => {
    const before = await registry();
    const { importId: id, report } = await preview(FIRST_IMPORT, coordinator);
    importId = id;
    expect(report.state).toBe("pending");
    const byRow = new Map<number, { status: string; details: string[] }>(report.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ status: "new" });
    expect(byRow.get(3)).toMatchObject({ status: "new" });
    expect(byRow.get(4)).toMatchObject({ status: "new" }); // type given by its name, accents kept
    expect(byRow.get(5)!.status).toBe("error");
    expect(byRow.get(5)!.details.join()).toMatch(/bad email/);
    expect(byRow.get(6)!.details.join()).toMatch(/unknown type "think-tank"/);
    expect(byRow.get(7)!.details.join()).toMatch(/unknown country "Atlantis"/);
    expect(byRow.get(8)!.details.join()).toMatch(/duplicate email.*row 3/);
    expect(byRow.get(9)!.details.join()).toMatch(/organisation name is missing/);
    // An existing person in an existing organisation: their name and language are updated, not duplicated.
    expect(byRow.get(10)).toMatchObject({ status: "update" });
    expect(report.counts).toEqual({ new: 3, update: 1, unchanged: 0, error: 5 });
    expect(await registry()).toEqual(before);
  });

  it("applies the good rows in one go when confirmed, with an audit entry", async () => {
    const users = await db().user.count();
    expect((await confirm(importId, coordinator)).status).toBe(302);
    const iraq = await db().organisation.findUniqueOrThrow({ where: { name: "Mine Victims Association of Iraq" }, include: { type: true, contacts: { include: { user: true } } } });
    expect(iraq).toMatchObject({ shortName: "MVAI", country: "IQ", languages: ["ar", "en"], survivorLed: true });
    expect(iraq.type.key).toBe("survivor-org");
    expect(iraq.contacts.map((c) => [c.user.email, c.role]).sort()).toEqual([
      ["h.kadhim@mvai-iraq.example", "SUBMITTER"],
      ["n.abbas@mvai-iraq.example", "CONTRIBUTOR"],
    ]);
    expect(await db().organisation.findUnique({ where: { name: "Réseau des survivants du Tchad" } })).toMatchObject({ country: "TD", languages: ["fr", "ar"] });
    expect(await db().user.count()).toBe(users + 3);
    expect(await db().user.findUnique({ where: { email: "focal@ministry.example" } })).toMatchObject({ name: "Claire Moreau", language: "fr" });
    for (const name of ["Disability Network", "Somewhere Else", "Nowhere Org", "Copy Org"]) expect(await db().organisation.findUnique({ where: { name } })).toBeNull();

    const report = (await outcome(() => previewLoader({ request: get(`/stakeholders/import/${importId}`, coordinator), params: { importId }, context }))).data;
    expect(report.state).toBe("confirmed");
    expect(report.result).toMatchObject({ organisationsCreated: 2, peopleCreated: 3, peopleUpdated: 1, contactsCreated: 3 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "stakeholders.imported", entityId: importId } });
    expect(event.data).toMatchObject({ rows: 9, new: 3, update: 1, error: 5, organisationsCreated: 2 });
  });

  it("confirms once, even when asked twice", async () => {
    const contacts = await db().contact.count();
    expect((await confirm(importId, coordinator)).status).toBe(302);
    expect(await db().contact.count()).toBe(contacts);
    expect(await db().auditEvent.count({ where: { action: "stakeholders.imported" } })).toBe(1);
  });

  it("updates by email on a second import of a changed file, without duplicating people or contacts", async () => {
    const before = { users: await db().user.count(), contacts: await db().contact.count() };
    const changed = [
      HEADER,
      "Mine Victims Association of Iraq,MVAI,survivor-org,IQ,ar;en;fr,yes,Haider Kadhim Jaber,h.kadhim@mvai-iraq.example,en,submitter",
      "Mine Victims Association of Iraq,,,,,,Noor Abbas,n.abbas@mvai-iraq.example,ar,submitter",
      "Réseau des survivants du Tchad,RST,survivor-org,TD,fr;ar,yes,Hawa Moussa,hawa@rst-tchad.example,fr,submitter",
    ].join("\n");
    const { importId: id, report } = await preview(changed, coordinator);
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(["update", "update", "unchanged"]);
    expect(report.rows[0].details.join()).toMatch(/languages changed.*|name changed/);
    await confirm(id, coordinator);

    expect(await db().user.count()).toBe(before.users);
    expect(await db().contact.count()).toBe(before.contacts);
    expect(await db().user.findUnique({ where: { email: "h.kadhim@mvai-iraq.example" } })).toMatchObject({ name: "Haider Kadhim Jaber", language: "en" });
    const noor = await db().contact.findFirstOrThrow({ where: { user: { email: "n.abbas@mvai-iraq.example" } } });
    expect(noor.role).toBe("SUBMITTER");
    expect((await db().organisation.findUniqueOrThrow({ where: { name: "Mine Victims Association of Iraq" } })).languages).toEqual(["ar", "en", "fr"]);
  });

  it("discards without writing anything", async () => {
    const before = await registry();
    const { importId: id } = await preview(`${HEADER}\nBrand New Org,,ngo,FR,fr,no,New Person,new@brand.example,fr,submitter`, coordinator);
    expect((await confirm(id, coordinator, "discard")).status).toBe(302);
    expect((await db().pendingImport.findUniqueOrThrow({ where: { id } })).discardedAt).not.toBeNull();
    expect((await confirm(id, coordinator)).status).toBe(302); // too late to confirm
    expect(await registry()).toEqual(before);
  });

  it("explains a file it cannot read", async () => {
    const bad = async (csv: string | Buffer) => (await outcome(() => uploadAction({ request: upload(csv, coordinator), params: {}, context }))).data?.errors.file;
    expect(await bad("name,email\nA,a@example.org")).toMatch(/organisation/);
    expect(await bad(HEADER)).toMatch(/no rows/);
    expect(await bad(Buffer.from([0x6f, 0x72, 0x67, 0xe9, 0x0a]))).toMatch(/UTF-8/);
    expect(await bad(Buffer.alloc(6 * 1024 * 1024, "a"))).toMatch(/larger than 5 MB/);
    const none = await outcome(() => uploadAction({ request: new Request(`${BASE}/stakeholders/import`, { method: "POST", headers: { cookie: coordinator }, body: new FormData() }), params: {}, context }));
    expect(none.data.errors.file).toMatch(/Choose a CSV file/);
  });

  it("reads semicolon-separated files and a byte-order mark, as Excel writes them", async () => {
    const csv = "\uFEFF" + HEADER.replaceAll(",", ";") + "\r\n" + 'Asociación Pasos;;ngo;CO;"es;en";no;Lucía Méndez;lucia@pasos.example;es;submitter';
    const { report } = await preview(csv, coordinator);
    expect(report.rows[0]).toMatchObject({ status: "new", organisation: "Asociación Pasos", contact: "Lucía Méndez" });
  });
});

describe("export", () => {
  it("writes UTF-8 with a BOM, CRLF rows, one per contact, and organisations without contacts", async () => {
    const survivor = await db().stakeholderType.findUniqueOrThrow({ where: { key: "survivor-org" } });
    await db().organisation.create({ data: { name: "=Formula Network", typeId: survivor.id, country: "LA", languages: ["en"], survivorLed: true } });
    const result = await outcome(() => exportLoader({ request: get("/stakeholders/export.csv", coordinator), params: {}, context }));
    expect(result.status).toBe(200);
    expect(result.headers!.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(result.headers!.get("content-disposition")).toMatch(/^attachment; filename="stakeholders-\d{4}-\d{2}-\d{2}\.csv"$/);
  });

  it("round-trips through import with zero changes", async () => {
    const response = (await exportLoader({ request: get("/stakeholders/export.csv", coordinator), params: {}, context })) as Response;
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.slice(1).split("\r\n")[0]).toBe(HEADER);
    expect(text).toContain("Réseau des survivants du Tchad");
    expect(text).toContain("'=Formula Network,,survivor-org,LA,en,yes,,,,"); // neutralised for spreadsheets
    const organisations = await db().organisation.count();
    const contacts = await db().contact.count();
    expect(text.trim().split("\r\n")).toHaveLength(1 + contacts + 1); // the formula network has no contacts
    expect(organisations).toBeGreaterThan(3);

    const before = await registry();
    const { importId, report } = await preview(bytes, coordinator);
    expect(report.counts).toEqual({ new: 0, update: 0, unchanged: contacts + 1, error: 0 });
    await confirm(importId, coordinator);
    expect(await registry()).toEqual(before);
  });

  it("exports only what the filters show", async () => {
    const text = await ((await exportLoader({ request: get("/stakeholders/export.csv?country=IQ&survivorLed=yes", coordinator), params: {}, context })) as Response).text();
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.startsWith("Mine Victims Association of Iraq,"))).toBe(true);
  });
});

describe("organisations and contacts", () => {
  let organisationId: string;

  it("creates an organisation, refusing a name already taken", async () => {
    const type = await db().stakeholderType.findUniqueOrThrow({ where: { key: "ngo" } });
    const fields = { name: "Survivor Corps Lao", shortName: "SCL", typeId: type.id, country: "LA", languages: ["en", "fr"], survivorLed: "yes" };
    const created = await outcome(() => newAction({ request: post("/stakeholders/new", fields, coordinator), params: {}, context }));
    expect(created.status).toBe(302);
    organisationId = created.location!.split("?")[0]!.split("/").pop()!;
    expect(await db().organisation.findUniqueOrThrow({ where: { id: organisationId } })).toMatchObject({ country: "LA", survivorLed: true, languages: ["en", "fr"] });

    const again = await outcome(() => newAction({ request: post("/stakeholders/new", { ...fields, name: "survivor corps lao" }, coordinator), params: {}, context }));
    expect(again.status).toBe(400);
    expect(again.data.errors.name).toMatch(/already/);
    const invalid = await outcome(() => newAction({ request: post("/stakeholders/new", { name: "X Y", typeId: "", country: "ZZ" }, coordinator), params: {}, context }));
    expect(Object.keys(invalid.data.errors).sort()).toEqual(["country", "languages", "survivorLed", "typeId"]);
    expect(invalid.data.values.name).toBe("X Y");
  });

  it("lists with filters by type, country, survivor-led and name", async () => {
    const list = async (query: string) =>
      (await outcome(() => listLoader({ request: get(`/stakeholders${query}`, coordinator), params: {}, context }))).data.organisations.map((o: { name: string }) => o.name);
    expect(await list("?country=LA&survivorLed=yes")).toEqual(["=Formula Network", "Survivor Corps Lao"]);
    expect(await list("?type=survivor-org&q=iraq")).toEqual(["Mine Victims Association of Iraq"]);
    expect(await list("?q=HI")).toContain("Humanity & Inclusion"); // by short name
  });

  it("adds a contact by email, linking a person who already exists", async () => {
    const users = await db().user.count();
    const add = (email: string, name: string) =>
      outcome(() =>
        organisationAction({
          request: post(`/stakeholders/${organisationId}`, { intent: "add-contact", contactName: name, email, language: "fr", role: "SUBMITTER", isFocalPoint: "yes" }, coordinator),
          params: { organisationId },
          context,
        }),
      );
    expect((await add("Hawa@RST-Tchad.example", "Hawa Moussa")).status).toBe(302);
    expect(await db().user.count()).toBe(users);
    expect((await add("new.person@scl.example", "Somsak Phan")).status).toBe(302);
    expect(await db().user.count()).toBe(users + 1);
    const twice = await add("new.person@scl.example", "Somsak Phan");
    expect(twice.status).toBe(400);
    expect(twice.data.errors.email).toMatch(/already a contact/);

    const page = (await outcome(() => organisationLoader({ request: get(`/stakeholders/${organisationId}`, coordinator), params: { organisationId }, context }))).data;
    expect(page.contacts.map((c: { email: string; isFocalPoint: boolean }) => [c.email, c.isFocalPoint])).toEqual([
      ["hawa@rst-tchad.example", true],
      ["new.person@scl.example", true],
    ]);
  });

  it("a refused contact form changes nobody: the existing person keeps their name and language", async () => {
    const contactForm = (fields: Record<string, string>) =>
      outcome(() => organisationAction({ request: post(`/stakeholders/${organisationId}`, { language: "es", role: "SUBMITTER", ...fields }, coordinator), params: { organisationId }, context }));
    const person = () => db().user.findUniqueOrThrow({ where: { email: "new.person@scl.example" }, select: { name: true, language: true } });
    const before = await person();
    const added = await contactForm({ intent: "add-contact", contactName: "Someone Else", email: "new.person@scl.example" });
    expect(added.status).toBe(400);
    expect(added.data.errors.email).toMatch(/already a contact/);
    expect(await person()).toEqual(before);
    // Pointing another contact at this person's email is refused the same way.
    const other = await db().contact.findFirstOrThrow({ where: { organisationId, user: { email: "hawa@rst-tchad.example" } } });
    const updated = await contactForm({ intent: "update-contact", contactId: other.id, contactName: "Someone Else", email: "new.person@scl.example" });
    expect(updated.status).toBe(400);
    expect(await person()).toEqual(before);
  });

  it("edits and removes a contact, audited", async () => {
    const contact = await db().contact.findFirstOrThrow({ where: { organisationId, user: { email: "new.person@scl.example" } } });
    const edited = await outcome(() =>
      organisationAction({
        request: post(`/stakeholders/${organisationId}`, { intent: "update-contact", contactId: contact.id, contactName: "Somsak Phanthavong", email: "new.person@scl.example", language: "en", role: "CONTRIBUTOR" }, coordinator),
        params: { organisationId },
        context,
      }),
    );
    expect(edited.status).toBe(302);
    expect(await db().contact.findUniqueOrThrow({ where: { id: contact.id }, include: { user: true } })).toMatchObject({ role: "CONTRIBUTOR", isFocalPoint: false, user: { name: "Somsak Phanthavong", language: "en" } });

    const removed = await outcome(() => organisationAction({ request: post(`/stakeholders/${organisationId}`, { intent: "remove-contact", contactId: contact.id }, coordinator), params: { organisationId }, context }));
    expect(removed.status).toBe(302);
    expect(await db().contact.findUnique({ where: { id: contact.id } })).toBeNull();
    expect(await db().user.findUnique({ where: { email: "new.person@scl.example" } })).not.toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { entityType: "Contact" }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["contact.added", "contact.updated", "contact.removed"]));
  });

  it("edits the organisation's details", async () => {
    const org = await db().organisation.findUniqueOrThrow({ where: { id: organisationId } });
    const saved = await outcome(() =>
      organisationAction({
        request: post(`/stakeholders/${organisationId}`, { intent: "update", name: "Survivor Corps Laos", shortName: "", typeId: org.typeId, country: "", languages: "en", survivorLed: "no" }, coordinator),
        params: { organisationId },
        context,
      }),
    );
    expect(saved.status).toBe(302);
    expect(await db().organisation.findUniqueOrThrow({ where: { id: organisationId } })).toMatchObject({ name: "Survivor Corps Laos", shortName: null, country: null, survivorLed: false });
    expect(await db().auditEvent.count({ where: { action: "organisation.updated", entityId: organisationId } })).toBe(1);
  });
});

describe("types of stakeholder", () => {
  const types = async () => (await outcome(() => typesLoader({ request: get("/stakeholders/types", coordinator), params: {}, context }))).data.types as Array<{ id: string; key: string; label: string; organisations: number }>;
  const act = (fields: Record<string, string>) => outcome(() => typesAction({ request: post("/stakeholders/types", fields, coordinator), params: {}, context }));

  it("starts from the defaults of the product brief, in order", async () => {
    expect((await types()).map((t) => t.key)).toEqual(["affected-state", "state-party", "observer-state", "survivor-org", "ngo", "international-org", "convention-body"]);
  });

  it("adds, renames and reorders", async () => {
    expect((await act({ intent: "add", label: "Academic institution", key: "", label_fr: "Institution universitaire" })).status).toBe(302);
    const added = (await types()).at(-1)!;
    expect(added).toMatchObject({ key: "academic-institution", label: "Academic institution" });
    expect((await act({ intent: "add", label: "academic institution" })).data.errors.label).toMatch(/already/);

    expect((await act({ intent: "update", typeId: added.id, label: "Academia" })).status).toBe(302);
    expect((await act({ intent: "move-up", typeId: added.id })).status).toBe(302);
    const order = (await types()).map((t) => t.label);
    expect(order.slice(-2)).toEqual(["Academia", "Convention body"]);
    expect((await db().stakeholderType.findUniqueOrThrow({ where: { id: added.id } })).key).toBe("academic-institution");
  });

  it("refuses to delete a type in use, and deletes an unused one", async () => {
    const all = await types();
    const used = all.find((t) => t.key === "survivor-org")!;
    const refused = await act({ intent: "delete", typeId: used.id });
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toMatch(/change their type first/);
    const unused = all.find((t) => t.key === "academic-institution")!;
    expect((await act({ intent: "delete", typeId: unused.id })).status).toBe(302);
    expect(await db().stakeholderType.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db().auditEvent.count({ where: { action: { startsWith: "stakeholder-type." } } })).toBeGreaterThanOrEqual(5);
  });
});
