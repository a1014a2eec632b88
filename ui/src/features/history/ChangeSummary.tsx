import { Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Change } from "../../bindings/Change";
import { diffRows } from "../../lib/diff";

function show(field: string, v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === "") return t("common.none");
  if (field === "active" || field === "must_change_password")
    return t(v ? "common.yes" : "common.no");
  if (field === "roles" && typeof v === "string")
    return v
      .split(",")
      .map((r) => t(`roles.${r}`, { defaultValue: r }))
      .join(", ");
  return String(v);
}

/** A security event's payload in words: sign-ins, failures, refusals. */
function EventText({ change }: { change: Change }) {
  const { t } = useTranslation();
  const p = (change.after ?? {}) as Record<string, string>;
  const area = p.area ? t(`nav.${p.area}`, { defaultValue: p.area }) : "";
  const action = p.action ? t(`history.action.${p.action}`, { defaultValue: p.action }) : "";
  return (
    <Text size="sm" data-testid="change-event">
      {t(`history.event.${p.event}`, { ...p, area, action, defaultValue: p.event ?? "" })}
    </Text>
  );
}

/** "Field: before → after" for each field the change touched. */
export function ChangeSummary({ change }: { change: Change }) {
  const { t } = useTranslation();
  if (change.op === "event") return <EventText change={change} />;
  const rows = diffRows(change.before, change.after);
  if (change.op === "read" || rows.length === 0) return <Text c="dimmed">{t("common.none")}</Text>;
  return (
    <Stack gap={2} data-testid="change-summary">
      {rows.map((r) => {
        const label = t(`fields.${change.entity}.${r.field}`, { defaultValue: r.field });
        return (
          <Text size="sm" key={r.field}>
            <Text span fw={600}>
              {label}:
            </Text>{" "}
            {change.op === "insert" ? (
              show(r.field, r.after, t)
            ) : (
              <>
                <Text span td="line-through" c="dimmed">
                  {show(r.field, r.before, t)}
                </Text>
                {" → "}
                <Text span>{show(r.field, r.after, t)}</Text>
              </>
            )}
          </Text>
        );
      })}
    </Stack>
  );
}
