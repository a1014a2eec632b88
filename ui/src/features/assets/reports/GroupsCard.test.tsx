// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import i18next from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AssetReportGroup } from "../../../bindings/AssetReportGroup";
import type { AssetReportGrouping } from "../../../bindings/AssetReportGrouping";
import { initTestI18n, Providers, stubLayout } from "../../../kit/testing";
import { strings as assetStrings } from "../i18n";
import { GroupsCard } from "./GroupsCard";
import { strings } from "./i18n";

const byStatus: AssetReportGroup[] = [
  {
    id: null,
    status: "in_use",
    name: "",
    name_en: null,
    count: 2,
    by_status: [{ status: "in_use", count: 2 }],
    costs: [{ currency: "EUR", cost_cents: 150_000 }],
  },
];
const byDepartment: AssetReportGroup[] = [
  {
    id: 4,
    status: null,
    name: "Magazzino",
    name_en: null,
    count: 2,
    by_status: [
      { status: "in_use", count: 1 },
      { status: "lost", count: 1 },
    ],
    costs: [
      { currency: "EUR", cost_cents: 100_000 },
      { currency: "USD", cost_cents: 20_000 },
    ],
  },
  {
    id: null,
    status: null,
    name: "",
    name_en: null,
    count: 1,
    by_status: [{ status: "in_stock", count: 1 }],
    costs: [],
  },
];

const groups = vi.fn(async (by: AssetReportGrouping) =>
  by === "department" ? byDepartment : byStatus,
);

vi.mock("../../../api/itReports", () => ({
  itReportKeys: { groups: (by: string) => ["assets", "reports", "groups", by] },
  itReportsApi: { groups: (by: AssetReportGrouping) => groups(by) },
}));
vi.mock("../../../kit/ExportButtons", () => ({ ExportButtons: () => null }));

beforeAll(async () => {
  stubLayout();
  // The grouping switch measures itself; jsdom has no layout to observe.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  await initTestI18n();
  i18next.addResourceBundle("en", "translation", assetStrings.en, true, true);
  i18next.addResourceBundle("en", "translation", strings.en, true, true);
});

afterEach(cleanup);

describe("GroupsCard", () => {
  it("counts by status, then by department with a column per status and costs per currency", async () => {
    render(
      <Providers>
        <GroupsCard />
      </Providers>,
    );
    await waitFor(() => expect(screen.getAllByTestId("report-group")).toHaveLength(1));
    expect(groups).toHaveBeenCalledWith("status");
    expect(screen.getByTestId("report-group").textContent).toContain("In use");

    fireEvent.click(screen.getByText("Department"));
    await waitFor(() => expect(screen.getAllByTestId("report-group")).toHaveLength(2));
    const [store, none] = screen.getAllByTestId("report-group");
    expect(store?.textContent).toContain("Magazzino");
    expect(store?.textContent).toContain("$");
    expect(none?.textContent).toContain("No department");
  });
});
