import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { diffRows, fieldKind, REFERENCES, recordLabel, referencedTable } from "./diff";

describe("diffRows", () => {
  it("lists only the fields that changed, hiding technical columns", () => {
    const before = {
      id: 1,
      name: "Acquisti",
      name_key: "acquisti",
      head: null,
      version: 1,
      sort_key: "a",
    };
    const after = {
      id: 1,
      name: "Ufficio Acquisti",
      name_key: "ufficio acquisti",
      head: null,
      version: 2,
    };
    expect(diffRows(before, after)).toEqual([
      { field: "name", before: "Acquisti", after: "Ufficio Acquisti" },
    ]);
  });

  it("shows every filled field of a created record", () => {
    expect(diffRows(null, { id: 3, name: "Qualità", code: null, active: 1 })).toEqual([
      { field: "name", before: null, after: "Qualità" },
      { field: "active", before: null, after: 1 },
    ]);
  });

  it("labels records by name or key", () => {
    expect(recordLabel({ name: "Logistica" })).toBe("Logistica");
    expect(recordLabel({ key: "ui.language" })).toBe("ui.language");
    expect(recordLabel(null)).toBeNull();
  });

  it("knows which fields point at other records and which hold dates", () => {
    expect(referencedTable("training_records", "course_id")).toBe("courses");
    expect(referencedTable("employees", "manager_id")).toBe("employees");
    expect(referencedTable("departments", "head")).toBeNull();
    expect(fieldKind("completed_on")).toBe("date");
    expect(fieldKind("uploaded_at")).toBe("instant");
    expect(fieldKind("title")).toBe("other");
  });
});

describe("references", () => {
  it("match the ones Rust names records by", () => {
    const file = resolve(__dirname, "../../../src-tauri/core/src/store/history_labels.rs");
    const source = readFileSync(file, "utf8");
    const start = source.indexOf("pub const REFERENCES");
    const block = source.slice(start, source.indexOf("];", start));
    const declared = [...block.matchAll(/\("([a-z_]+)", "([a-z_]+)", "([a-z_]+)"\)/g)].map(
      (m) => `${m[1]}.${m[2]} -> ${m[3]}`,
    );
    const ours = Object.entries(REFERENCES).flatMap(([entity, fields]) =>
      Object.entries(fields).map(([field, to]) => `${entity}.${field} -> ${to}`),
    );
    expect(declared.length).toBeGreaterThan(0);
    expect(ours.sort()).toEqual(declared.sort());
  });
});
