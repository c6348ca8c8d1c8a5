/**
 * The registry as CSV (RFC 4180, CRLF), in the columns import reads, one row per contact.
 * UTF-8 with a byte-order mark, or Excel shows "Panamá" as "PanamÃ¡".
 */
import { stringify } from "csv-stringify/sync";
import { db } from "~/modules/db/client.server";
import { protectCell, STAKEHOLDER_COLUMNS, type Cells } from "./csv-format.server";
import { organisationWhere, type OrganisationFilters } from "./organisations.server";

export async function exportStakeholdersCsv(filters: OrganisationFilters): Promise<string> {
  const organisations = await db().organisation.findMany({
    where: organisationWhere(filters),
    orderBy: { name: "asc" },
    include: {
      type: { select: { key: true } },
      contacts: { include: { user: { select: { name: true, email: true, language: true } } }, orderBy: [{ role: "desc" }, { createdAt: "asc" }] },
    },
  });
  const rows: Cells[] = organisations.flatMap((o) => {
    const organisation = {
      organisation: o.name,
      short_name: o.shortName ?? "",
      type: o.type.key,
      country: o.country ?? "",
      languages: o.languages.join(";"),
      survivor_led: o.survivorLed ? "yes" : "no",
    };
    const none = { contact_name: "", contact_email: "", contact_language: "", contact_role: "" };
    if (o.contacts.length === 0) return [{ ...organisation, ...none }];
    return o.contacts.map((c) => ({
      ...organisation,
      contact_name: c.user.name,
      contact_email: c.user.email,
      contact_language: c.user.language,
      contact_role: c.role.toLowerCase(),
    }));
  });
  const records = rows.map((r) => STAKEHOLDER_COLUMNS.map((c) => protectCell(r[c])));
  return "\uFEFF" + stringify(records, { header: true, columns: [...STAKEHOLDER_COLUMNS], record_delimiter: "windows" });
}
