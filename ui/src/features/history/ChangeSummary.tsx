import { Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Change } from "../../bindings/Change";
import type { RecordName } from "../../bindings/RecordName";
import { TABLES } from "../../bindings/tables";
import { formatDate, formatDateTime } from "../../i18n/format";
import { diffRows, fieldKind, referencedTable, upgradeOf } from "../../lib/diff";
import { ExportEventText } from "./ExportEvent";
import "./i18n";
import "../staff/i18n";

/** Record names sent with a page of history, keyed "entity:id". */
export type Labels = { [key in string]?: RecordName };

/** The name of record `id` of `table` in `language`, if the page came with it. */
export function labelOf(
  labels: Labels | undefined,
  table: string,
  id: unknown,
  language: string,
): string | null {
  const n = labels?.[`${table}:${id}`];
  if (!n) return null;
  return language === "it" ? n.it : n.en;
}

type Ctx = {
  t: TFunction;
  language: string;
  labels?: Labels;
  /** The row the values come from: names an attachment's owner table. */
  row?: Record<string, unknown> | null;
};

/** A stored value as a person reads it: names for ids, dd/mm/yyyy dates, translated codes. */
function show(entity: string, field: string, v: unknown, ctx: Ctx): string {
  const { t, language, labels } = ctx;
  if (v === null || v === undefined || v === "") return t("common.none");
  const table = referencedTable(entity, field, ctx.row);
  // Only a bare id is looked up: the employee file's tab passes values it has already named.
  if (table && typeof v === "number") return labelOf(labels, table, v, language) ?? `#${v}`;
  const kind = fieldKind(entity, field);
  if (kind === "date" && typeof v === "string") return formatDate(v, language);
  if (kind === "instant" && typeof v === "string") return formatDateTime(v, language);
  if (entity === "employees" && (field === "status" || field === "sex"))
    return t(`staff.${field}.${v}`, { defaultValue: String(v) });
  // The table an attachment belongs to, by its name in history.
  if (TABLES[entity]?.owner?.entity === field && typeof v === "string")
    return t(`history.entity.${v}`, { defaultValue: v });
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

/** Who made a change: a person's username, or the app itself for a schema upgrade. */
export function actorName(actor: string, t: TFunction): string {
  return actor === "(system)" ? t("history.system") : actor;
}

/** A schema upgrade in words: "Field X added (upgrade to version N)", one line per field. */
function UpgradeText({ change, ctx }: { change: Change; ctx: Ctx }) {
  const u = upgradeOf(change.detail);
  if (!u) return null;
  const { t } = ctx;
  const label = (f: string) => t(`fields.${change.entity}.${f}`, { defaultValue: f });
  const entity = (e: string) => t(`history.entity.${e}`, { defaultValue: e });
  const lines = [
    ...(u.movedFrom
      ? [
          {
            key: "moved",
            text: t("history.upgrade.moved", {
              from: entity(u.movedFrom),
              to: entity(change.entity),
            }),
          },
        ]
      : []),
    ...u.added.map((f) => ({
      key: `a-${f}`,
      text: t("history.upgrade.added", {
        field: label(f),
        value: show(change.entity, f, change.after?.[f], ctx),
      }),
    })),
    ...u.renamed.map(([from, to]) => ({
      key: `r-${from}`,
      text: t("history.upgrade.renamed", { from: label(from), to: label(to) }),
    })),
    ...u.removed.map((f) => ({
      key: `d-${f}`,
      text: t("history.upgrade.removed", { field: label(f) }),
    })),
    ...u.changed.map((f) => ({
      key: `c-${f}`,
      text: t("history.upgrade.changed", { field: label(f) }),
    })),
  ];
  return (
    <Stack gap={2} data-testid="change-upgrade">
      {lines.map((l) => (
        <Text size="sm" key={l.key}>
          {l.text} {t("history.upgrade.version", { version: u.version })}
        </Text>
      ))}
    </Stack>
  );
}

/** "Field: before → after" for each field the change touched. */
export function ChangeSummary({ change, labels }: { change: Change; labels?: Labels }) {
  const { t, i18n } = useTranslation();
  const ctx: Ctx = { t, language: i18n.language, labels, row: change.after ?? change.before };
  if (change.op === "event" && change.entity === "exports")
    return <ExportEventText change={change} />;
  if (change.op === "event") return <EventText change={change} />;
  if (upgradeOf(change.detail)) return <UpgradeText change={change} ctx={ctx} />;
  const rows = diffRows(change.before, change.after);
  const how = change.detail?.how;
  if (change.op === "read" && typeof how === "string")
    return (
      <Text size="sm" data-testid="change-read">
        {t(`history.read.${how}`, { defaultValue: how })}
      </Text>
    );
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
              show(change.entity, r.field, r.after, ctx)
            ) : (
              <>
                <Text span td="line-through" c="dimmed">
                  {show(change.entity, r.field, r.before, ctx)}
                </Text>
                {" → "}
                <Text span>{show(change.entity, r.field, r.after, ctx)}</Text>
              </>
            )}
          </Text>
        );
      })}
    </Stack>
  );
}
