import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Stack,
  Stepper,
  Text,
} from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChosenImport, type ImportChoices, importApi, type Mapping } from "../../api/imports";
import { toApiError } from "../../api/invoke";
import { jobsApi } from "../../api/jobs";
import type { ImportArea } from "../../bindings/ImportArea";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import type { ImportReport } from "../../bindings/ImportReport";
import type { JobStatus } from "../../bindings/JobStatus";
import { useJob } from "../../kit/useJob";
import { fieldErrors } from "../../lib/errors";
import { importErrorMessage } from "./errors";
import { ImportReportView } from "./ImportReportView";
import { fieldLabel, inLanguage, optionTestId } from "./labels";
import { MappingStep } from "./MappingStep";
import "./i18n";

/** "Imported: 3 new…", and what the file's columns made besides (departments a staff file names). */
function DoneText({ outcome, chosen }: { outcome: ImportOutcome; chosen: ChosenImport | null }) {
  const { t, i18n } = useTranslation();
  const fields = chosen?.preview.fields ?? [];
  return (
    <>
      {t("import.done", {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
      })}
      {outcome.references.map((r) => (
        <span key={r.field}>
          {" "}
          {t("import.referencesCreated", {
            field: fieldLabel(fields, r.field, t, i18n.language),
            count: r.count,
          })}
        </span>
      ))}
    </>
  );
}

/**
 * The import wizard of every area: choose a file, map its columns to the area's fields (sent by
 * Rust with their names in both languages), check every row, then import all of them or none as
 * a job with progress and cancel.
 */
export function ImportWizard({
  area,
  onClose,
  fixed,
}: {
  area: ImportArea;
  onClose: () => void;
  fixed?: Record<string, number>;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState<ChosenImport | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [choices, setChoices] = useState<ImportChoices>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<number | null>(null);
  const [final, setFinal] = useState<JobStatus | null>(null);

  const choose = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const c = await importApi.choose(area, t(`import.areas.${area}.chooseTitle`));
      setChosen(c);
      setMapping({ ...c.preview.mapping } as Mapping);
      // The area's defaults, under what the person already chose for an earlier file.
      const defaults = Object.fromEntries(c.preview.options.map((o) => [o.key, o.default]));
      setChoices((mine) => ({ ...defaults, ...mine }));
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
      setReport(await importApi.validate(chosen.token, mapping, { ...choices, ...fixed }));
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
      setJob(await importApi.commit(chosen.token, mapping, { ...choices, ...fixed }));
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
        {t(`import.areas.${area}.subtitle`)}
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
                {t(`import.areas.${area}.chooseHelp`)}
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
              {chosen.preview.options.map((o) => (
                <Checkbox
                  key={o.key}
                  label={inLanguage(o.label, i18n.language)}
                  checked={(choices[o.key] ?? o.default) === true}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setChoices((c) => ({ ...c, [o.key]: checked }));
                  }}
                  data-testid={optionTestId(o.key)}
                />
              ))}
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
          {step === 2 && report && chosen ? (
            <>
              <ImportReportView report={report} fields={chosen.preview.fields} />
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
                      onClick={() => jobsApi.cancel(job)}
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
                  <DoneText outcome={outcome} chosen={chosen} />
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
