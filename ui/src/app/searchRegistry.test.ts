import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { SearchHit } from "../bindings/SearchHit";
import "./searchAreas";
import { registerSearch, type SearchNav, searchContributions } from "./searchRegistry";

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: "employee",
  id: 1,
  title: "Rossi Mario",
  detail: null,
  document_type_id: null,
  employee_id: null,
  inactive: false,
  audit_id: null,
  ...over,
});

function recorder() {
  const went: unknown[] = [];
  const nav: SearchNav = { go: (to) => went.push(to), memory: new Map() };
  return { went, nav };
}

describe("search registry", () => {
  it("has one contribution for every kind of hit Rust sends, people first", () => {
    const binding = readFileSync(resolve(__dirname, "../bindings/HitKind.ts"), "utf8");
    const kinds = [...binding.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    const registered = searchContributions().map((c) => c.kind);
    expect([...registered].sort()).toEqual([...kinds].sort());
    expect(registered).toEqual([
      "employee",
      "document",
      "department",
      "audit",
      "finding",
      "evidence",
      "supplier",
      "order",
      "supplier_invoice",
    ]);
  });

  it("opens each kind where its area shows it", () => {
    const open = (h: SearchHit) => {
      const { went, nav } = recorder();
      searchContributions()
        .find((c) => c.kind === h.kind)
        ?.open(h, nav);
      return { went, memory: nav.memory };
    };
    expect(open(hit({ kind: "employee", id: 4 })).went).toEqual([
      { page: "employee", id: 4, tab: "details" },
    ]);
    expect(open(hit({ kind: "document", id: 9, employee_id: 4 })).went).toEqual([
      { page: "employee", id: 4, tab: "documents", focus: "doc:9" },
    ]);
    const dept = open(hit({ kind: "department", id: 7, title: "Logistica" }));
    expect(dept.went).toEqual([{ page: "department", id: 7 }]);
    expect([...dept.memory.values()]).toEqual([]);
    expect(open(hit({ kind: "supplier", id: 3, title: "Ferramenta Rossi" })).went).toEqual([
      { page: "supplier", id: 3, tab: "details" },
    ]);
    expect(open(hit({ kind: "order", id: 8, title: "OA-2026-0008" })).went).toEqual([
      { page: "order", id: 8, tab: "details" },
    ]);
    expect(open(hit({ kind: "supplier_invoice", id: 5, title: "FT-2026/0042" })).went).toEqual([
      { page: "invoice", id: 5, tab: "details" },
    ]);
  });

  it("leads from more people than shown to the staff list searching the same text", () => {
    const { went, nav } = recorder();
    const employee = searchContributions().find((c) => c.kind === "employee");
    employee?.more?.open?.("rossi", nav);
    expect(went).toEqual(["staff"]);
    expect([...nav.memory.values()]).toMatchObject([{ search: "rossi", status: "all" }]);
  });

  it("refuses a kind registered twice, or once the box has read the registry", () => {
    const employee = searchContributions()[0];
    expect(employee).toBeDefined();
    if (employee) expect(() => registerSearch(employee)).toThrow();
  });
});
