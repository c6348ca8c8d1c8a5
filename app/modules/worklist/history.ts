/**
 * An item's audit entries in words (client-safe): the item page's history, and the 409 views
 * that say what someone else decided. Marking an item done in a version, or undoing it, is a
 * decision like the others.
 */
import { statusLabel } from "./schemas";

/** The audit actions that decide an item (its last one names who decided and when). */
export const DECISION_ACTIONS = ["worklist.decided", "worklist-item.resolved", "worklist-item.unresolved"];

export function describeItemEvent(action: string, data: Record<string, unknown>): string {
  if (action === "worklist.created") return "Created";
  if (action === "worklist-item.resolved") return `Marked done in version ${String(data.version)}`;
  if (action === "worklist-item.unresolved") return `No longer done in version ${String(data.version)}`;
  const changed = (data.changed ?? {}) as Record<string, { from: unknown; to: unknown }>;
  const parts = Object.entries(changed).map(([field, { to }]) =>
    field === "status" ? `decision: ${statusLabel(String(to))}` : field === "rationale" ? `rationale: “${String(to)}”` : field === "ownerId" ? "owner changed" : `${field}: ${String(to)}`,
  );
  return parts.join("; ") || (action === "worklist.decided" ? "Decided" : "Updated");
}
