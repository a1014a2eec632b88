// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import i18next from "i18next";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { MaintenanceCalendarEntry } from "../../../bindings/MaintenanceCalendarEntry";
import { initTestI18n, Providers, stubLayout } from "../../../kit/testing";
import { Calendar } from "./Calendar";
import { strings } from "./i18n";

const calendar = vi.fn(
  async (_year: number, _month: number): Promise<MaintenanceCalendarEntry[]> => [
    {
      date: "2026-12-01",
      plan_id: 3,
      title: "Patch the servers",
      target_name: "Servers",
      kind: { kind: "due", overdue: true },
    },
    {
      date: "2026-12-07",
      plan_id: 4,
      title: "UPS self-test",
      target_name: "UPS-01",
      kind: { kind: "done", log_id: 9, outcome: "done" },
    },
    {
      date: "2026-12-07",
      plan_id: null,
      title: "Replaced a fan",
      target_name: "PC-12",
      kind: { kind: "done", log_id: 10, outcome: "partly" },
    },
  ],
);

vi.mock("../../../api/maintenance", () => ({
  maintenanceKeys: {
    calendar: (year: number, month: number) => ["assets", "maintenance", "calendar", year, month],
  },
  maintenanceApi: { calendar: (year: number, month: number) => calendar(year, month) },
}));

beforeAll(async () => {
  stubLayout();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 11, 7, 10, 0));
  await initTestI18n();
  i18next.addResourceBundle("en", "translation", strings.en, true, true);
});

afterAll(() => {
  vi.useRealTimers();
});

afterEach(cleanup);

describe("Calendar", () => {
  it("shows the month Monday first, today marked, each entry on its day", async () => {
    const onOpen = vi.fn();
    render(
      <Providers>
        <Calendar onOpen={onOpen} />
      </Providers>,
    );
    expect(calendar).toHaveBeenCalledWith(2026, 12);
    const days = screen.getAllByTestId("calendar-day");
    expect(days).toHaveLength(35);
    expect(days[0]?.dataset.date).toBe("2026-11-30");
    expect(days[0]?.dataset.outside).toBe("true");
    expect(screen.getByTestId("calendar-title").textContent).toBe("December 2026");
    const today = days.find((d) => d.dataset.today);
    expect(today?.dataset.date).toBe("2026-12-07");

    await waitFor(() => expect(screen.getAllByTestId("calendar-entry")).toHaveLength(3));
    const overdue = screen.getByText("Patch the servers").closest("[data-testid=calendar-entry]");
    expect(overdue?.getAttribute("data-kind")).toBe("overdue");
    expect(overdue?.closest("[data-testid=calendar-day]")?.getAttribute("data-date")).toBe(
      "2026-12-01",
    );
    fireEvent.click(screen.getByText("UPS self-test"));
    expect(onOpen).toHaveBeenCalledWith(4);
    // Unplanned work belongs to no plan: nothing to open.
    fireEvent.click(screen.getByText("Replaced a fan"));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it("moves to the next month and back", async () => {
    render(
      <Providers>
        <Calendar onOpen={() => {}} />
      </Providers>,
    );
    fireEvent.click(screen.getByTestId("calendar-next"));
    await waitFor(() => expect(calendar).toHaveBeenLastCalledWith(2027, 1));
    expect(screen.getByTestId("calendar-title").textContent).toBe("January 2027");
    fireEvent.click(screen.getByTestId("calendar-prev"));
    fireEvent.click(screen.getByTestId("calendar-prev"));
    await waitFor(() => expect(calendar).toHaveBeenLastCalledWith(2026, 11));
  });
});
