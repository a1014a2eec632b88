import { Alert, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ImportField } from "../../bindings/ImportField";
import type { ImportReport } from "../../bindings/ImportReport";
import type { RowError } from "../../bindings/RowError";
import { formatNumber } from "../../i18n/format";
import { fieldLabel } from "./labels";
import "./i18n";

/** A row problem in words: the import's own codes first, then the form's. */
export function rowProblem(e: RowError, t: TFunction): string {
  const own = `import.code.${e.code}`;
  return t(own, {
    ...e.params,
    defaultValue: t(`errors.field.${e.code}`, { ...e.params, defaultValue: e.code }),
  });
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value, i18n.language)}
      </Text>
    </Paper>
  );
}

/** A list of problems, scrolling within itself so the dialog's buttons stay in view. */
function Problems({
  rows,
  fields,
  testId,
}: {
  rows: RowError[];
  fields: ImportField[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollArea.Autosize mah="38vh" type="auto">
      <Table striped stickyHeader verticalSpacing={6} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t("import.line")}</Table.Th>
            <Table.Th w={200}>{t("import.column")}</Table.Th>
            <Table.Th w={180}>{t("import.field")}</Table.Th>
            <Table.Th>{t("import.problem")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={`${e.line}-${e.field}-${e.code}`} data-testid="import-error-row">
              <Table.Td>{e.line}</Table.Td>
              <Table.Td>{e.column ?? t("common.none")}</Table.Td>
              <Table.Td>{fieldLabel(fields, e.field, t, i18n.language)}</Table.Td>
              <Table.Td>{rowProblem(e, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

export function ImportReportView({
  report,
  fields,
}: {
  report: ImportReport;
  fields: ImportField[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack>
      <SimpleGrid cols={5}>
        <Stat label={t("import.rows")} value={report.rows} />
        <Stat label={t("import.toCreate")} value={report.to_create} color="green" />
        <Stat label={t("import.toUpdate")} value={report.to_update} color="blue" />
        <Stat label={t("import.unchanged")} value={report.unchanged} />
        <Stat
          label={t("import.errorRows")}
          value={report.error_rows}
          color={report.error_rows ? "red" : undefined}
        />
      </SimpleGrid>
      {report.error_rows > 0 ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={t("import.errorsTitle", { count: report.error_rows })}
          data-testid="import-errors"
        >
          {report.errors.length < report.error_rows ? (
            <Text size="sm">{t("import.errorsMore", { shown: report.errors.length })}</Text>
          ) : null}
        </Alert>
      ) : (
        <Alert
          color="green"
          icon={<IconCircleCheck />}
          title={t("import.readyTitle")}
          data-testid="import-ready"
        >
          {report.to_create + report.to_update === 0
            ? t("import.readyNothing")
            : t("import.readyText", { create: report.to_create, update: report.to_update })}
        </Alert>
      )}
      {report.unknown.map((u) => (
        <Group key={u.field}>
          <Text size="sm" c="orange" data-testid="import-unknown">
            {t("import.unknownValues", {
              field: fieldLabel(fields, u.field, t, i18n.language),
              names: u.values.join(", "),
            })}
          </Text>
        </Group>
      ))}
      {report.errors.length > 0 ? (
        <Problems rows={report.errors} fields={fields} testId="import-error-table" />
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <Text fw={600}>{t("import.warningsTitle")}</Text>
          <Problems rows={report.warnings} fields={fields} testId="import-warning-table" />
        </>
      ) : null}
    </Stack>
  );
}
