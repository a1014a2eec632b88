import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileZip, IconPlayerPlay, IconUserMinus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import { useCan } from "../../app/session";
import type { Employee } from "../../bindings/Employee";
import { formatDate } from "../../i18n/format";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import { todayIso } from "./format";
import { DateField } from "./parts";
import "./i18n";

// The employee file's header buttons (the ZIP of the whole file, ending and resuming the
// employment) with their dialogs, and the note a terminated file shows.

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

/** The header's buttons and the dialogs they open, for `RecordPage`'s actions and children. */
export function useEmployeeActions(e: Employee): { actions: ReactNode; dialogs: ReactNode } {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("staff", "write");
  const canExport = useCan("staff", "export");
  const exportZip = useMutation({
    mutationFn: () =>
      staffApi.exportFile(
        e.id,
        zipName(e, t("staff.zipPrefix")),
        i18n.language,
        t("staff.exportFileTitle"),
      ),
    onSuccess: (r) =>
      notifications.show({
        color: "green",
        message: t("staff.fileExported", { path: r.path }),
        autoClose: 10000,
      }),
    onError: (err) => notifyError(err, t, "staff"),
  });
  const [modal, setModal] = useState<"terminate" | "reactivate" | null>(null);
  const actions = (
    <>
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
    </>
  );
  const dialogs = (
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
  );
  return { actions, dialogs };
}

/** Under the header of a terminated file: since when, and why. */
export function TerminatedNote({ employee: e }: { employee: Employee }) {
  const { t, i18n } = useTranslation();
  if (e.status !== "terminated") return null;
  return (
    <Alert color="gray" mb="md" data-testid="terminated-note">
      {t("staff.terminatedOn", {
        date: e.termination_date ? formatDate(e.termination_date, i18n.language) : "",
      })}
      {e.termination_reason ? ` — ${e.termination_reason}` : ""}
    </Alert>
  );
}
