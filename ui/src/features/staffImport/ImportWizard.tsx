import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/invoke";
import { type ChosenImport, type Mapping, staffImportApi } from "../../api/staffImport";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import type { ImportReport } from "../../bindings/ImportReport";
import type { JobStatus } from "../../bindings/JobStatus";
import { fieldErrors } from "../../lib/errors";
import { importErrorMessage } from "./errors";
import { ImportReportView } from "./ImportReportView";
import "./i18n";

const POLL_MS = 200;

function MappingStep({
  chosen,
  mapping,
  setMapping,
  errors,
}: {
  chosen: ChosenImport;
  mapping: Mapping;
  setMapping: (m: Mapping) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const p = chosen.preview;
  const columns = p.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("import.mappingHelp")}
      </Text>
      <SimpleGrid cols={3} spacing="sm" data-testid="import-mapping">
        {p.fields.map((f) => (
          <Select
            key={f.key}
            label={t(`import.fields.${f.key}`, { defaultValue: f.key })}
            withAsterisk={f.required}
            placeholder={t("import.notImported")}
            clearable
            data={columns}
            value={mapping[f.key] === undefined ? null : String(mapping[f.key])}
            error={errors[`mapping.${f.key}`]}
            onChange={(v) => {
              const next = { ...mapping };
              if (v === null) delete next[f.key];
              else next[f.key] = Number(v);
              setMapping(next);
            }}
            data-testid={`map-${f.key}`}
          />
        ))}
      </SimpleGrid>
      <Text fw={600} mt="sm">
        {t("import.preview")}
      </Text>
      <ScrollArea type="auto">
        <Table striped withTableBorder fz="xs" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.line")}</Table.Th>
              {p.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; position is the identity
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rows.slice(0, 5).map((r, i) => (
              <Table.Tr key={p.lines[i]}>
                <Table.Td>{p.lines[i]}</Table.Td>
                {r.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <Table.Td key={j}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

/** Polls a job until it finishes; `cancel` asks Rust to stop it (the transaction rolls back). */
function useJob(id: number | null, onFinished: (s: JobStatus) => void) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (id === null) return;
    let stop = false;
    const tick = async () => {
      if (stop) return;
      try {
        const s = await staffImportApi.status(id);
        setStatus(s);
        if (s.finished) {
          onFinished(s);
          return;
        }
      } catch (e) {
        // Only the signed-in person may read the job: while the app is locked, wait for the
        // unlock and go on polling (the job itself carries on).
        if (toApiError(e).code === "session_locked") {
          window.setTimeout(tick, POLL_MS * 5);
          return;
        }
        onFinished({
          id,
          done: 0,
          total: 0,
          finished: true,
          cancelled: false,
          result: null,
          error: toApiError(e),
        });
        return;
      }
      window.setTimeout(tick, POLL_MS);
    };
    tick();
    return () => {
      stop = true;
    };
  }, [id, onFinished]);
  return status;
}

export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState<ChosenImport | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [createDepartments, setCreateDepartments] = useState(false);
  // Payroll programs print names in capitals; most people want them as they write them.
  const [capitaliseNames, setCapitaliseNames] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<number | null>(null);
  const [final, setFinal] = useState<JobStatus | null>(null);
  const options = {
    create_missing_departments: createDepartments,
    capitalise_names: capitaliseNames,
  };

  const choose = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const c = await staffImportApi.choose(t("import.chooseTitle"));
      setChosen(c);
      setMapping({ ...c.preview.mapping } as Mapping);
      setReport(null);
      setStep(1);
    } catch (e) {
      if (toApiError(e).code !== "dialog_cancelled") setProblem(importErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const check = async () => {
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    setMappingErrors({});
    try {
      setReport(await staffImportApi.validate(chosen.token, mapping, options));
      setStep(2);
    } catch (e) {
      const fields = fieldErrors(e, t);
      if (Object.keys(fields).length) setMappingErrors(fields);
      else setProblem(importErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!chosen) return;
    setProblem(null);
    setFinal(null);
    try {
      setJob(await staffImportApi.commit(chosen.token, mapping, options));
      setStep(3);
    } catch (e) {
      setProblem(importErrorMessage(e, t));
    }
  };

  const status = useJob(job, (s) => {
    setFinal(s);
    setJob(null);
    if (s.result) {
      qc.invalidateQueries();
      setStep(4);
    }
  });
  const outcome = final?.result as ImportOutcome | undefined;
  const src = chosen?.preview.source;
  const details = src
    ? [src.delimiter ? t("import.separator", { sep: src.delimiter }) : src.sheet, src.encoding]
        .filter(Boolean)
        .join(", ")
    : "";

  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        {t("import.subtitle")}
      </Text>
      <Card>
        <Stepper active={step} size="sm" mb="lg">
          <Stepper.Step label={t("import.stepFile")} />
          <Stepper.Step label={t("import.stepMapping")} />
          <Stepper.Step label={t("import.stepReport")} />
          <Stepper.Step label={t("import.stepImport")} />
        </Stepper>
        <Stack>
          {problem ? (
            <Alert color="red" data-testid="import-problem">
              {problem}
            </Alert>
          ) : null}
          {chosen && src ? (
            <Text size="sm" data-testid="import-source">
              <b>{chosen.preview.file_name}</b> —{" "}
              {t("import.source", {
                format: src.format.toUpperCase(),
                details,
                rows: chosen.preview.total_rows,
              })}
            </Text>
          ) : null}
          {step === 0 ? (
            <Stack align="flex-start">
              <Text size="sm" c="dimmed">
                {t("import.chooseHelp")}
              </Text>
              <Button
                leftSection={<IconFileImport size={16} />}
                loading={busy}
                onClick={choose}
                data-testid="import-choose"
              >
                {t("import.choose")}
              </Button>
            </Stack>
          ) : null}
          {step === 1 && chosen ? (
            <>
              <MappingStep
                chosen={chosen}
                mapping={mapping}
                setMapping={setMapping}
                errors={mappingErrors}
              />
              <Checkbox
                label={t("import.createDepartments")}
                checked={createDepartments}
                onChange={(e) => setCreateDepartments(e.currentTarget.checked)}
                data-testid="import-create-departments"
              />
              <Checkbox
                label={t("import.capitaliseNames")}
                checked={capitaliseNames}
                onChange={(e) => setCapitaliseNames(e.currentTarget.checked)}
                data-testid="import-capitalise-names"
              />
              <Group justify="space-between">
                <Button variant="default" onClick={choose}>
                  {t("import.another")}
                </Button>
                <Button loading={busy} onClick={check} data-testid="import-check">
                  {t("import.check")}
                </Button>
              </Group>
            </>
          ) : null}
          {step === 2 && report ? (
            <>
              <ImportReportView report={report} />
              <Group justify="space-between">
                <Group>
                  <Button variant="default" onClick={() => setStep(1)}>
                    {t("import.back")}
                  </Button>
                  <Button variant="default" onClick={choose} data-testid="import-another">
                    {t("import.another")}
                  </Button>
                </Group>
                <Button disabled={report.error_rows > 0} onClick={start} data-testid="import-start">
                  {t("import.start")}
                </Button>
              </Group>
            </>
          ) : null}
          {step >= 3 ? (
            <Stack>
              {job !== null ? (
                <>
                  <Text size="sm" data-testid="import-progress-text">
                    {t("import.importing", { done: status?.done ?? 0, total: status?.total ?? 0 })}
                  </Text>
                  <Progress
                    value={status && status.total > 0 ? (100 * status.done) / status.total : 0}
                    animated
                    data-testid="import-progress"
                  />
                  <Group justify="flex-end">
                    <Button
                      color="red"
                      variant="light"
                      onClick={() => staffImportApi.cancel(job)}
                      data-testid="import-cancel"
                    >
                      {t("import.cancel")}
                    </Button>
                  </Group>
                </>
              ) : null}
              {final?.cancelled ? (
                <Alert color="orange" data-testid="import-cancelled">
                  {t("import.cancelled")}
                </Alert>
              ) : null}
              {final?.error && !final.cancelled ? (
                <Alert color="red" title={t("import.failed")} data-testid="import-failed">
                  {importErrorMessage(final.error, t)}
                </Alert>
              ) : null}
              {outcome ? (
                <Alert color="green" data-testid="import-done">
                  {t("import.done", {
                    created: outcome.created,
                    updated: outcome.updated,
                    unchanged: outcome.unchanged,
                    departments: outcome.departments_created,
                  })}
                </Alert>
              ) : null}
              {final ? (
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    onClick={() => {
                      setFinal(null);
                      setStep(0);
                    }}
                  >
                    {t("import.another")}
                  </Button>
                  <Button onClick={onClose} data-testid="import-close">
                    {t("import.close")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ) : null}
        </Stack>
      </Card>
    </>
  );
}
