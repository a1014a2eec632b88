import { describe, expect, it } from "vitest";
import { diffRows, fieldKind, recordLabel, referencedTable, upgradeOf } from "./diff";

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
    expect(fieldKind("training_records", "completed_on")).toBe("date");
    expect(fieldKind("documents", "uploaded_at")).toBe("instant");
    expect(fieldKind("documents", "title")).toBe("other");
  });
});

describe("upgradeOf", () => {
  it("reads a schema upgrade's fields and ignores other details", () => {
    const u = upgradeOf({
      kind: "schema_upgrade",
      version: 12,
      added: ["private_email"],
      removed: [],
      renamed: [["phone", "work_phone"]],
      changed: [],
    });
    expect(u).toEqual({
      version: 12,
      added: ["private_email"],
      removed: [],
      renamed: [["phone", "work_phone"]],
      changed: [],
      movedFrom: null,
    });
    expect(upgradeOf(null)).toBeNull();
    expect(upgradeOf({ kind: "export" })).toBeNull();
  });

  it("says which table a row moved from", () => {
    const u = upgradeOf({
      kind: "schema_upgrade",
      version: 12,
      added: ["entity"],
      removed: [],
      renamed: [["employee_id", "record_id"]],
      changed: [],
      moved_from: "documents",
    });
    expect(u?.movedFrom).toBe("documents");
    expect(upgradeOf({ kind: "read", how: "open" })).toBeNull();
  });
});

describe("referencedTable", () => {
  it("takes an attachment's owner table from the row", () => {
    expect(referencedTable("attachments", "record_id", { entity: "employees" })).toBe("employees");
    expect(referencedTable("attachments", "record_id", null)).toBeNull();
    expect(referencedTable("attachments", "type_id")).toBe("document_types");
    expect(referencedTable("documents", "employee_id")).toBe("employees");
  });
});
