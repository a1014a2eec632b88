import { Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Change } from "../../bindings/Change";
import { formatDateTime } from "../../i18n/format";
import "./exportEventI18n";

/** What Rust records for an export (`services/exports.rs`). */
export type ExportPayload = {
  kind?: string;
  format?: string;
  rows?: number;
  file?: string | null;
  filter?: Record<string, unknown>;
  employee?: string;
  title?: string;
  documents?: number;
  training?: number;
};

/** Ids whose name the record also holds: the name is enough. */
const NAMED_BY: Record<string, string> = {
  department_id: "department",
  contract_type_id: "contract_type",
};

function filterValue(key: string, v: unknown, t: TFunction, language: string): string {
  if (key === "status") return t(`exportEvent.status.${v}`, { defaultValue: String(v) });
  if (key === "entity") return t(`history.entity.${v}`, { defaultValue: String(v) });
  if ((key === "from" || key === "until") && typeof v === "string")
    return formatDateTime(v, language);
  if (key === "search") return `“${v}”`;
  return String(v);
}

/** The export in words, one line per fact: what, how many, the filter, the file. */
export function exportEventLines(p: ExportPayload, t: TFunction, language: string): string[] {
  const format = (p.format ?? "").toUpperCase();
  const lines: string[] = [];
  if (p.kind === "employee_file") {
    lines.push(t("exportEvent.employeeFile", { name: p.employee ?? "?", format }));
    lines.push(
      t("exportEvent.employeeContents", { documents: p.documents ?? 0, training: p.training ?? 0 }),
    );
  } else if (p.kind === "document" || p.kind === "attachment") {
    lines.push(t("exportEvent.document", { title: p.title ?? "?", format }));
  } else {
    const what = t(`exportEvent.kind.${p.kind}`, { defaultValue: p.kind ?? "" });
    lines.push(t("exportEvent.summary", { what, format, count: p.rows ?? 0 }));
    const filter = p.filter ?? {};
    const parts = Object.entries(filter)
      .filter(([k, v]) => v !== null && v !== "" && !(NAMED_BY[k] && NAMED_BY[k] in filter))
      .map(([k, v]) => {
        const label = t(`exportEvent.key.${k}`, { defaultValue: k });
        return `${label} ${filterValue(k, v, t, language)}`;
      });
    lines.push(
      parts.length > 0
        ? t("exportEvent.filter", { filter: parts.join(", ") })
        : t("exportEvent.noFilter"),
    );
  }
  if (p.file) lines.push(t("exportEvent.file", { file: p.file }));
  return lines;
}

/** An export event of history, readable in the person's language. */
export function ExportEventText({ change }: { change: Change }) {
  const { t, i18n } = useTranslation();
  const [first, ...rest] = exportEventLines(
    (change.after ?? {}) as ExportPayload,
    t,
    i18n.language,
  );
  return (
    <Stack gap={2} data-testid="change-export">
      <Text size="sm">{first}</Text>
      {rest.map((line) => (
        <Text size="xs" c="dimmed" key={line}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}
