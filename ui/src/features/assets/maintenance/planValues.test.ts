import { describe, expect, it } from "vitest";
import type { MaintenancePlan } from "../../../bindings/MaintenancePlan";
import { planInput, planValues } from "./planValues";

const plan: MaintenancePlan = {
  id: 4,
  title: "Restore test",
  description: null,
  target: { kind: "category", id: 2 },
  target_name: "Servers",
  schedule: {
    every: 3,
    unit: "months",
    anchor: {
      kind: "fixed",
      start: "2026-01-05",
      rule: { kind: "nth_weekday", nth: "first", weekday: "mon" },
    },
  },
  start_on: "2026-01-01",
  assignee_employee_id: 9,
  assignee_name: "Rossi Anna",
  checklist: ["Pick a file", "Restore it"],
  next_due_on: "2026-04-06",
  last_done_on: null,
  last_due_on: null,
  active: true,
  version: 3,
  created_at: "2026-01-01T08:00:00Z",
  updated_at: "2026-01-01T08:00:00Z",
};

describe("plan form values", () => {
  it("round-trip a plan unchanged", () => {
    const v = planValues(plan, "2026-12-07");
    expect(planInput(v, "2026-12-07")).toEqual({
      title: "Restore test",
      description: null,
      target: { kind: "category", id: 2 },
      schedule: plan.schedule,
      start_on: "2026-01-01",
      assignee_employee_id: 9,
      checklist: ["Pick a file", "Restore it"],
    });
  });

  it("start a new plan monthly from completion", () => {
    const input = planInput(planValues(null, "2026-12-07"), "2026-12-07");
    expect(input.schedule).toEqual({
      every: 1,
      unit: "months",
      anchor: { kind: "from_completion" },
    });
    expect(input.target).toEqual({ kind: "asset", id: 0 });
  });

  it("drop blank checklist lines and a weekday rule counted in weeks", () => {
    const v = { ...planValues(plan, "2026-12-07"), unit: "weeks" as const, checklist: ["a", " "] };
    const input = planInput(v, "2026-12-07");
    expect(input.checklist).toEqual(["a"]);
    expect(input.schedule.anchor).toEqual({
      kind: "fixed",
      start: "2026-01-05",
      rule: { kind: "same_day" },
    });
  });

  it("send an emptied interval as 0, for Rust to refuse beside the input", () => {
    const v = { ...planValues(null, "2026-12-07"), every: "" };
    expect(planInput(v, "2026-12-07").schedule.every).toBe(0);
  });
});
