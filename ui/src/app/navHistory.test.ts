import { describe, expect, it } from "vitest";
import { entryOf, historyStep, routeToHash, stored } from "./navHistory";

describe("navigation in the window's history", () => {
  it("names each route in the URL, a record's tab included", () => {
    expect(routeToHash({ page: "staff" })).toBe("#/staff");
    expect(routeToHash({ page: "employee", id: 12, tab: "training" })).toBe(
      "#/employee/12/training",
    );
    expect(routeToHash({ page: "employee", id: 12 })).toBe("#/employee/12");
    expect(routeToHash({ page: "employee", id: "new", tab: "details" })).toBe("#/employee/new");
  });

  it("follows only entries of the current sign-in", () => {
    const route = { page: "departments" } as const;
    expect(entryOf({ nav: "a", route }, "a")).toEqual(route);
    expect(entryOf({ nav: "b", route }, "a")).toBeNull();
    expect(entryOf(null, "a")).toBeNull();
    expect(entryOf("x", "a")).toBeNull();
  });

  it("does not replay what to bring into view", () => {
    expect(stored({ page: "employee", id: 3, tab: "documents", focus: "doc:9" })).toEqual({
      page: "employee",
      id: 3,
      tab: "documents",
      focus: null,
    });
  });

  it("steps back and forward with Alt+arrows and the mouse's side buttons", () => {
    expect(historyStep({ type: "keydown", key: "ArrowLeft", altKey: true })).toBe(-1);
    expect(historyStep({ type: "keydown", key: "ArrowRight", altKey: true })).toBe(1);
    expect(historyStep({ type: "keydown", key: "ArrowLeft", altKey: false })).toBeNull();
    expect(historyStep({ type: "mouseup", button: 3 })).toBe(-1);
    expect(historyStep({ type: "mouseup", button: 4 })).toBe(1);
    expect(historyStep({ type: "mouseup", button: 0 })).toBeNull();
  });
});
