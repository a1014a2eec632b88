// What a change did to a record, field by field, for the History screen.

import { TABLES } from "../bindings/tables";

/** Columns kept for integrity (search keys, optimistic-lock counters, timestamps) that say nothing to a person. */
const TECHNICAL = new Set(["id", "name_key", "code_key", "version", "created_at", "updated_at"]);

export type FieldChange = { field: string; before: unknown; after: unknown };

type Row = Record<string, unknown> | null;

export function diffRows(before: Row, after: Row): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: FieldChange[] = [];
  for (const field of keys) {
    // `*_key` columns are lower-cased copies kept for sorting and uniqueness.
    if (TECHNICAL.has(field) || field.endsWith("_key")) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (before && after && JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!before && a === null) continue;
    out.push({ field, before: b, after: a });
  }
  return out;
}

/**
 * The table a field's value points at, if the field holds another record's id. A table whose
 * rows belong to records of any table (attachments) names that table in the row itself.
 */
export function referencedTable(entity: string, field: string, row?: Row): string | null {
  const table = TABLES[entity];
  if (table?.owner && field === table.owner.id) {
    const owner = row?.[table.owner.entity];
    return typeof owner === "string" ? owner : null;
  }
  return table?.references[field] ?? null;
}

/** Calendar dates (shown dd/mm/yyyy) or instants (with their time), as the Rust tables declare. */
export function fieldKind(entity: string, field: string): "date" | "instant" | "other" {
  const table = TABLES[entity];
  if (table?.dates.includes(field)) return "date";
  if (table?.instants.includes(field)) return "instant";
  return "other";
}

/** What a schema upgrade did to a record, from the change's `detail`. */
export type Upgrade = {
  version: number;
  added: string[];
  removed: string[];
  renamed: [string, string][];
  changed: string[];
  /** The table's name before the upgrade, when the row moved to a renamed table. */
  movedFrom: string | null;
};

export function upgradeOf(detail: Record<string, unknown> | null): Upgrade | null {
  if (detail?.kind !== "schema_upgrade") return null;
  const list = (k: string) => (Array.isArray(detail[k]) ? (detail[k] as string[]) : []);
  return {
    version: Number(detail.version),
    added: list("added"),
    removed: list("removed"),
    renamed: Array.isArray(detail.renamed) ? (detail.renamed as [string, string][]) : [],
    changed: list("changed"),
    movedFrom: typeof detail.moved_from === "string" ? detail.moved_from : null,
  };
}

/** A short label for a record in a history row: its name, code or key if it has one. */
export function recordLabel(row: Row): string | null {
  if (!row) return null;
  for (const k of ["name", "full_name", "key", "code", "username"]) {
    const v = row[k];
    if (typeof v === "string" && v) return v;
  }
  return null;
}
