import type { MaintenancePlan } from "../../../bindings/MaintenancePlan";
import type { MaintenancePlanInput } from "../../../bindings/MaintenancePlanInput";
import type { MaintenanceTarget } from "../../../bindings/MaintenanceTarget";
import type { ScheduleNth } from "../../../bindings/ScheduleNth";
import type { ScheduleUnit } from "../../../bindings/ScheduleUnit";
import type { Weekday } from "../../../bindings/Weekday";
import { orNull } from "../../../lib/useServerForm";

// The plan form's values: flat, one per input, so Rust's field errors ("every", "unit", "target")
// land beside their inputs; and the two ways between them and the plan.

export type PlanValues = {
  title: string;
  description: string;
  target_kind: MaintenanceTarget["kind"];
  /** The asset's, category's or location's id, as the pickers hold it. */
  target: string | null;
  every: number | string;
  unit: ScheduleUnit;
  anchor: "from_completion" | "fixed";
  fixed_start: string | null;
  rule: "same_day" | "nth_weekday";
  nth: ScheduleNth;
  weekday: Weekday;
  start_on: string | null;
  assignee: string | null;
  checklist: string[];
};

/** Only months and years know "the first Monday of the month". */
export const takesWeekdayRule = (unit: ScheduleUnit) => unit === "months" || unit === "years";

export function planValues(p: MaintenancePlan | null, today: string): PlanValues {
  const a = p?.schedule.anchor;
  const fixed = a?.kind === "fixed" ? a : null;
  const nth = fixed?.rule.kind === "nth_weekday" ? fixed.rule : null;
  return {
    title: p?.title ?? "",
    description: p?.description ?? "",
    target_kind: p?.target.kind ?? "asset",
    target: p ? String(p.target.id) : null,
    every: p?.schedule.every ?? 1,
    unit: p?.schedule.unit ?? "months",
    anchor: fixed ? "fixed" : "from_completion",
    fixed_start: fixed?.start ?? today,
    rule: nth ? "nth_weekday" : "same_day",
    nth: nth?.nth ?? "first",
    weekday: nth?.weekday ?? "mon",
    start_on: p?.start_on ?? null,
    assignee: p?.assignee_employee_id ? String(p.assignee_employee_id) : null,
    checklist: p?.checklist ?? [],
  };
}

export function planInput(v: PlanValues, today: string): MaintenancePlanInput {
  const rule =
    v.rule === "nth_weekday" && takesWeekdayRule(v.unit)
      ? { kind: "nth_weekday" as const, nth: v.nth, weekday: v.weekday }
      : { kind: "same_day" as const };
  return {
    title: v.title,
    description: orNull(v.description),
    // A missing choice is id 0, which Rust reports as "target: not found" beside the picker.
    target: { kind: v.target_kind, id: v.target ? Number(v.target) : 0 },
    schedule: {
      every: v.every === "" ? 0 : Number(v.every),
      unit: v.unit,
      anchor:
        v.anchor === "fixed"
          ? { kind: "fixed", start: v.fixed_start ?? v.start_on ?? today, rule }
          : { kind: "from_completion" },
    },
    start_on: v.start_on,
    assignee_employee_id: v.assignee ? Number(v.assignee) : null,
    checklist: v.checklist.map((s) => s.trim()).filter((s) => s !== ""),
  };
}
