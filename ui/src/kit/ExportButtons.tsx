import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileSpreadsheet, IconFileTypeCsv } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useCan } from "../app/session";
import type { Area } from "../bindings/Area";
import { notifyError } from "../lib/useServerForm";
import "./i18n";

export type ExportFormat = "csv" | "xlsx";

/** What an export command answers: the file chosen in the save dialog and the rows written. */
export type ExportDone = { path: string; rows: number };

/**
 * The CSV and Excel buttons of a list: `run` calls the area's export command (which opens the
 * save dialog in Rust and records the export in history) with the list's current filter. Shown
 * only to those whose roles may export from `area`; a cancelled dialog says nothing.
 */
export function ExportButtons({
  area,
  testId,
  run,
  done,
}: {
  area: Area;
  /** Test ids `<testId>-csv` and `<testId>-xlsx`. */
  testId: string;
  run: (format: ExportFormat, language: string) => Promise<ExportDone>;
  /** The success message; by default "N rows saved to PATH". */
  done?: (r: ExportDone) => string;
}) {
  const { t, i18n } = useTranslation();
  const canExport = useCan(area, "export");
  const save = useMutation({
    mutationFn: (format: ExportFormat) => run(format, i18n.language),
    onSuccess: (r) =>
      notifications.show({
        color: "green",
        message: done ? done(r) : t("kit.exported", { count: r.rows, path: r.path }),
        autoClose: 10000,
      }),
    onError: (e) => notifyError(e, t, area),
  });
  if (!canExport) return null;
  const button = (format: ExportFormat, Icon: typeof IconFileTypeCsv, label: string) => (
    <Button
      variant="default"
      leftSection={<Icon size={16} />}
      loading={save.isPending && save.variables === format}
      onClick={() => save.mutate(format)}
      data-testid={`${testId}-${format}`}
    >
      {label}
    </Button>
  );
  return (
    <>
      {button("csv", IconFileTypeCsv, t("kit.exportCsv"))}
      {button("xlsx", IconFileSpreadsheet, t("kit.exportXlsx"))}
    </>
  );
}
