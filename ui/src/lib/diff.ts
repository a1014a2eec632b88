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

/**
 * Snapshot fields holding another record's id, by table, and the table they point at. Kept in
 * step with `REFERENCES` in src-tauri/core/src/store/history_labels.rs, which names those records.
 */
export const REFERENCES: Record<string, Record<string, string>> = {
  employees: {
    department_id: "departments",
    manager_id: "employees",
    contract_type_id: "contract_types",
  },
  documents: { employee_id: "employees", type_id: "document_types", superseded_by: "documents" },
  training_records: {
    employee_id: "employees",
    course_id: "courses",
    certificate_document_id: "documents",
  },
  requirements: {
    department_id: "departments",
    document_type_id: "document_types",
    course_id: "courses",
  },
};

/** The table a field's value points at, if the field holds another record's id. */
export function referencedTable(entity: string, field: string): string | null {
  return REFERENCES[entity]?.[field] ?? null;
}

/** Calendar dates, stored as yyyy-mm-dd (employees, documents, training records). */
const DATE_FIELDS = new Set([
  "birth_date",
  "hire_date",
  "contract_end",
  "termination_date",
  "issued_on",
  "expires_on",
  "completed_on",
]);

/** Instants, stored as UTC ISO 8601. */
const INSTANT_FIELDS = new Set(["uploaded_at"]);

export function fieldKind(field: string): "date" | "instant" | "other" {
  if (DATE_FIELDS.has(field)) return "date";
  if (INSTANT_FIELDS.has(field)) return "instant";
  return "other";
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
