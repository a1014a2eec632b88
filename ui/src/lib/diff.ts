// What a change did to a record, field by field, for the History screen.

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

/** A short label for a record in a history row: its name, code or key if it has one. */
export function recordLabel(row: Row): string | null {
  if (!row) return null;
  for (const k of ["name", "full_name", "key", "code", "username"]) {
    const v = row[k];
    if (typeof v === "string" && v) return v;
  }
  return null;
}
