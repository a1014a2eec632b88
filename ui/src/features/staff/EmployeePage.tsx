import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowLeft,
  IconCertificate,
  IconChecklist,
  IconFiles,
  IconFileZip,
  IconHistory,
  IconPlayerPlay,
  IconUserCircle,
  IconUserMinus,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import { type EmployeeTab, type Route, useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Employee } from "../../bindings/Employee";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import type { FieldError } from "../../bindings/FieldError";
import { formatDate } from "../../i18n/format";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import { CompletenessTab } from "./CompletenessTab";
import { DocumentsTab } from "./DocumentsTab";
import { EmployeeForm } from "./EmployeeForm";
import { EmployeeHistoryTab } from "./EmployeeHistoryTab";
import { todayIso } from "./format";
import { DateField, ScoreRing, StatusBadge } from "./parts";
import { TrainingTab } from "./TrainingTab";
import "./i18n";

function BackLink() {
  const { t } = useTranslation();
  const { go } = useNav();
  return (
    <Anchor
      component="button"
      type="button"
      onClick={() => go("staff")}
      size="sm"
      mb="xs"
      data-testid="back-to-staff"
    >
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t("staff.backToList")}
      </Group>
    </Anchor>
  );
}

function NewEmployee() {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  return (
    <>
      <BackLink />
      <PageHeader title={t("staff.newTitle")} subtitle={t("staff.newSubtitle")} />
      <EmployeeForm
        file={null}
        focus={null}
        onSaved={(saved) => {
          memory.set(`staff.warnings.${saved.employee.id}`, saved.warnings);
          go({ page: "employee", id: saved.employee.id, tab: "details" });
        }}
      />
    </>
  );
}

function TerminateModal({ employee, onClose }: { employee: Employee; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      termination_date: todayIso() as string | null,
      reason: "",
    },
    { area: "staff" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffApi.terminate(employee.id, employee.version, {
        termination_date: v.termination_date || null,
        reason: v.reason.trim() || null,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({ color: "green", message: t("staff.terminated") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="terminate-form" noValidate>
      <Stack>
        <Text size="sm">
          {t("staff.terminateText", { name: `${employee.last_name} ${employee.first_name}` })}
        </Text>
        <DateField
          label={t("fields.employees.termination_date")}
          withAsterisk
          field="termination_date"
          {...form.getInputProps("termination_date")}
          data-autofocus
        />
        <Textarea
          label={t("fields.employees.termination_reason")}
          placeholder={t("staff.reasonPlaceholder")}
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
          name="reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="red" loading={save.isPending} data-testid="terminate-save">
            {t("staff.terminate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReactivateModal({ employee, onClose }: { employee: Employee; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: () => staffApi.reactivate(employee.id, employee.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({ color: "green", message: t("staff.reactivated") });
      onClose();
    },
    onError: (e) => notifyError(e, t, "staff"),
  });
  return (
    <Stack>
      <Text size="sm">{t("staff.reactivateText")}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          data-autofocus
          data-testid="reactivate-save"
        >
          {t("staff.reactivate")}
        </Button>
      </Group>
    </Stack>
  );
}

/** A file name a person recognises: "fascicolo-rossi-mario.zip". */
function zipName(e: Employee, prefix: string): string {
  const slug = `${e.last_name} ${e.first_name}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${prefix}-${slug || e.id}.zip`;
}

function FileHeader({ file }: { file: EmployeeFile }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("staff", "write");
  const canExport = useCan("staff", "export");
  const exportZip = useMutation({
    mutationFn: () =>
      staffApi.exportFile(
        file.employee.id,
        zipName(file.employee, t("staff.zipPrefix")),
        i18n.language,
        t("staff.exportFileTitle"),
      ),
    onSuccess: (r) =>
      notifications.show({
        color: "green",
        message: t("staff.fileExported", { path: r.path }),
        autoClose: 10000,
      }),
    onError: (e) => notifyError(e, t, "staff"),
  });
  const [modal, setModal] = useState<"terminate" | "reactivate" | null>(null);
  const e = file.employee;
  const facts = [
    e.job_title,
    file.department,
    e.employee_number ? t("staff.numberShort", { n: e.employee_number }) : null,
    t("staff.hiredOn", { date: formatDate(e.hire_date, i18n.language) }),
  ].filter(Boolean);
  return (
    <>
      <Group justify="space-between" align="center" mb="md" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <ScoreRing score={file.completeness.score} size={76} />
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={2} data-testid="page-title">
                {e.last_name} {e.first_name}
              </Title>
              <StatusBadge status={e.status} />
            </Group>
            <Text c="dimmed" size="sm">
              {facts.join(" · ")}
            </Text>
          </Stack>
        </Group>
        <Group gap="sm" wrap="nowrap">
          {canExport ? (
            <Button
              variant="default"
              leftSection={<IconFileZip size={16} />}
              loading={exportZip.isPending}
              onClick={() => exportZip.mutate()}
              data-testid="employee-export-zip"
            >
              {t("staff.exportFile")}
            </Button>
          ) : null}
          {canWrite ? (
            e.status === "active" ? (
              <Button
                variant="light"
                color="red"
                leftSection={<IconUserMinus size={16} />}
                onClick={() => setModal("terminate")}
                data-testid="employee-terminate"
              >
                {t("staff.terminateAction")}
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconPlayerPlay size={16} />}
                onClick={() => setModal("reactivate")}
                data-testid="employee-reactivate"
              >
                {t("staff.reactivate")}
              </Button>
            )
          ) : null}
        </Group>
      </Group>
      {e.status === "terminated" ? (
        <Alert color="gray" mb="md" data-testid="terminated-note">
          {t("staff.terminatedOn", {
            date: e.termination_date ? formatDate(e.termination_date, i18n.language) : "",
          })}
          {e.termination_reason ? ` — ${e.termination_reason}` : ""}
        </Alert>
      ) : null}
      <Modal
        opened={modal !== null}
        onClose={() => setModal(null)}
        title={t(modal === "reactivate" ? "staff.reactivateTitle" : "staff.terminateTitle")}
      >
        {modal === "terminate" ? (
          <TerminateModal employee={e} onClose={() => setModal(null)} />
        ) : null}
        {modal === "reactivate" ? (
          <ReactivateModal employee={e} onClose={() => setModal(null)} />
        ) : null}
      </Modal>
    </>
  );
}

function EmployeeFileView({
  file,
  tab,
  focus,
}: {
  file: EmployeeFile;
  tab: EmployeeTab;
  focus: string | null;
}) {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const qc = useQueryClient();
  const id = file.employee.id;
  const [warnings] = useState(() => {
    const w = memory.get(`staff.warnings.${id}`) as FieldError[] | undefined;
    memory.delete(`staff.warnings.${id}`);
    return w;
  });
  const current = file.documents.filter((d) => d.superseded_by === null).length;
  const issues = file.completeness.issues.length;
  const setTab = (v: string | null) =>
    go({ page: "employee", id, tab: (v ?? "details") as EmployeeTab, focus: null });
  return (
    <>
      <FileHeader file={file} />
      {/* The tabs stay in reach under the app header while a long form scrolls. */}
      <Box
        pos="sticky"
        top="var(--app-shell-header-height, 56px)"
        mb="md"
        pt={4}
        style={{ zIndex: 20, background: "var(--mantine-color-gray-0)" }}
      >
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab
              value="details"
              leftSection={<IconUserCircle size={16} />}
              data-testid="tab-details"
            >
              {t("staff.tabs.details")}
            </Tabs.Tab>
            <Tabs.Tab
              value="documents"
              leftSection={<IconFiles size={16} />}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {current}
                </Badge>
              }
              data-testid="tab-documents"
            >
              {t("staff.tabs.documents")}
            </Tabs.Tab>
            <Tabs.Tab
              value="training"
              leftSection={<IconCertificate size={16} />}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {file.training.length}
                </Badge>
              }
              data-testid="tab-training"
            >
              {t("staff.tabs.training")}
            </Tabs.Tab>
            <Tabs.Tab
              value="completeness"
              leftSection={<IconChecklist size={16} />}
              rightSection={
                issues > 0 ? (
                  <Badge size="xs" variant="filled" color="orange">
                    {issues}
                  </Badge>
                ) : null
              }
              data-testid="tab-completeness"
            >
              {t("staff.tabs.completeness")}
            </Tabs.Tab>
            <Tabs.Tab
              value="history"
              leftSection={<IconHistory size={16} />}
              data-testid="tab-history"
            >
              {t("staff.tabs.history")}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
      </Box>
      {/* The form stays mounted on other tabs, so unsaved typing survives a look at documents. */}
      <div hidden={tab !== "details"}>
        <EmployeeForm
          key={id}
          file={file}
          focus={tab === "details" ? focus : null}
          initialWarnings={warnings}
          onSaved={(saved) =>
            qc.setQueryData<EmployeeFile>(staffKeys.detail(id), (old) =>
              old ? { ...old, employee: saved.employee } : old,
            )
          }
        />
      </div>
      {tab === "documents" ? <DocumentsTab file={file} focus={focus} /> : null}
      {tab === "training" ? <TrainingTab file={file} focus={focus} /> : null}
      {tab === "completeness" ? <CompletenessTab file={file} /> : null}
      {tab === "history" ? <EmployeeHistoryTab employeeId={id} /> : null}
    </>
  );
}

/** One employee's file: data, documents, training, completeness and history, as tabs. */
export function EmployeePage({ route }: { route: Extract<Route, { page: "employee" }> }) {
  if (route.id === "new") return <NewEmployee />;
  return (
    <ExistingEmployee id={route.id} tab={route.tab ?? "details"} focus={route.focus ?? null} />
  );
}

function ExistingEmployee({
  id,
  tab,
  focus,
}: {
  id: number;
  tab: EmployeeTab;
  focus: string | null;
}) {
  // The first read for this page is the opening of the file; later ones (a save, an attached
  // document invalidating the file) bring the same screen up to date, and Rust does not record
  // those as new openings when this person's opening is already recorded.
  const opened = useRef<number | null>(null);
  const file = useQuery({
    queryKey: staffKeys.detail(id),
    queryFn: () => {
      const reread = opened.current === id;
      opened.current = id;
      return staffApi.get(id, reread);
    },
    // Every opening is read from Rust, so every opening is recorded as a read of personal data,
    // even within a minute of the last one; tab changes within the file re-read nothing.
    refetchOnMount: "always",
    staleTime: 60_000,
  });
  return (
    <>
      <BackLink />
      <QueryState query={file}>
        {(f) => <EmployeeFileView file={f} tab={tab} focus={focus} />}
      </QueryState>
    </>
  );
}
