import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCertificateOff, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { attachmentsApi } from "../../api/attachments";
import { staffKeys, staffTrainingApi } from "../../api/staff";
import { useNav } from "../../app/nav";
import { useCan } from "../../app/session";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import type { TrainingRecord } from "../../bindings/TrainingRecord";
import { formatDate } from "../../i18n/format";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import { nameIn, useCourses, useDocumentTypes, useNames } from "./catalog";
import { flash } from "./highlight";
import { DateField, ExpiryDate, InactiveMark } from "./parts";
import "./i18n";

type Dialog =
  | { kind: "add"; courseId: number | null }
  | { kind: "edit"; record: TrainingRecord }
  | { kind: "delete"; record: TrainingRecord };

function TrainingForm({
  file,
  record,
  courseId,
  onClose,
}: {
  file: EmployeeFile;
  record: TrainingRecord | null;
  courseId: number | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const courses = useCourses();
  const docTypes = useNames(useDocumentTypes().data);
  const { form, showError } = useServerForm(
    {
      course_id: record
        ? String(record.course_id)
        : courseId
          ? String(courseId)
          : (null as string | null),
      completed_on: record?.completed_on ?? (null as string | null),
      provider: record?.provider ?? "",
      certificate_document_id: record?.certificate_document_id
        ? String(record.certificate_document_id)
        : (null as string | null),
      notes: record?.notes ?? "",
    },
    { area: "staff" },
  );
  const course = courses.data?.find((c) => String(c.id) === form.values.course_id);
  const courseOptions = (courses.data ?? [])
    .filter((c) => c.active || c.id === record?.course_id)
    .map((c) => ({ value: String(c.id), label: nameIn(c, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const certificates = file.documents
    .filter((d) => d.superseded_by === null)
    .map((d) => ({
      value: String(d.id),
      label: `${d.title} (${docTypes(d.type_id) ?? ""})`,
    }));
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const input = {
        course_id: Number(v.course_id ?? 0),
        completed_on: v.completed_on || null,
        provider: v.provider.trim() || null,
        certificate_document_id: v.certificate_document_id
          ? Number(v.certificate_document_id)
          : null,
        notes: v.notes.trim() || null,
      };
      return record
        ? staffTrainingApi.update(record.id, record.version, input)
        : staffTrainingApi.add(file.employee.id, input);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({
        color: "green",
        message: t(record ? "staff.training.updated" : "staff.training.added"),
      });
      onClose();
    },
    onError: showError,
  });
  const courseHelp = course
    ? course.validity_months
      ? t("staff.training.courseHelp", { hours: course.hours, months: course.validity_months })
      : t("staff.training.courseHelpNoExpiry", { hours: course.hours })
    : undefined;
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        if (!v.course_id) {
          form.setFieldError("course_id", t("errors.field.required"));
          return;
        }
        save.mutate(v);
      })}
      data-testid="training-form"
      noValidate
    >
      <Stack>
        <Select
          label={t("fields.training_records.course_id")}
          withAsterisk
          data={courseOptions}
          searchable
          data-autofocus
          data-field="course_id"
          description={courseHelp}
          inputWrapperOrder={["label", "input", "description", "error"]}
          {...form.getInputProps("course_id")}
        />
        <Group grow align="flex-start">
          <DateField
            label={t("fields.training_records.completed_on")}
            withAsterisk
            field="completed_on"
            {...form.getInputProps("completed_on")}
          />
          <TextInput
            label={t("fields.training_records.provider")}
            {...form.getInputProps("provider")}
            name="provider"
          />
        </Group>
        <Select
          label={t("fields.training_records.certificate_document_id")}
          placeholder={
            certificates.length
              ? t("staff.training.noCertificate")
              : t("staff.training.noDocuments")
          }
          data={certificates}
          clearable
          data-field="certificate_document_id"
          {...form.getInputProps("certificate_document_id")}
        />
        <Textarea
          label={t("fields.training_records.notes")}
          autosize
          minRows={2}
          {...form.getInputProps("notes")}
          name="notes"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="training-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteConfirm({ record, onClose }: { record: TrainingRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => staffTrainingApi.remove(record.id, record.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({ color: "green", message: t("staff.training.deleted") });
      onClose();
    },
    onError: (e) => notifyError(e, t, "staff"),
  });
  return (
    <Stack>
      <Text size="sm">{t("staff.training.deleteText")}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          data-testid="training-delete-confirm"
        >
          {t("staff.training.delete")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Completed courses, newest first, with their computed expiry and certificate. */
export function TrainingTab({ file, focus }: { file: EmployeeFile; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("staff", "write");
  const { route } = useNav();
  const courses = useCourses();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const docs = new Map(file.documents.map((d) => [d.id, d]));
  const open = useMutation({
    mutationFn: (id: number) => attachmentsApi.open(id),
    onError: (e) => notifyError(e, t, "staff"),
  });

  // Once per navigation: the same record brought into view again is a new route object with the
  // same focus, and is highlighted again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per navigation
  useEffect(() => {
    if (!focus) return;
    const [kind, raw] = focus.split(":");
    const id = Number(raw);
    if (kind === "course" && canWrite) setDialog({ kind: "add", courseId: id || null });
    if (kind === "training") {
      const row = document.querySelector<HTMLElement>(
        `[data-testid=training-row][data-id="${id}"]`,
      );
      row?.scrollIntoView({ block: "center" });
      flash(row);
    }
  }, [focus, route]);

  return (
    <Card>
      <Group justify="space-between" mb="md" wrap="nowrap" gap="xl">
        <Text c="dimmed" size="sm">
          {t("staff.training.intro")}
        </Text>
        {canWrite ? (
          <Button
            leftSection={<IconPlus size={16} />}
            style={{ flexShrink: 0 }}
            onClick={() => setDialog({ kind: "add", courseId: null })}
            data-testid="training-add"
          >
            {t("staff.training.add")}
          </Button>
        ) : null}
      </Group>
      {file.training.length === 0 ? (
        <Stack align="center" py="xl" gap="xs" data-testid="training-empty">
          <IconCertificateOff size={36} stroke={1.2} color="var(--mantine-color-gray-5)" />
          <Text fw={600}>{t("staff.training.emptyTitle")}</Text>
          <Text c="dimmed" size="sm" ta="center" maw={440}>
            {canWrite ? t("staff.training.emptyText") : t("staff.training.emptyReadOnly")}
          </Text>
        </Stack>
      ) : (
        <Table verticalSpacing="sm" data-testid="training-table">
          <Table.Thead>
            <Table.Tr style={{ whiteSpace: "nowrap" }}>
              <Table.Th>{t("fields.training_records.course_id")}</Table.Th>
              <Table.Th>{t("staff.training.colCompleted")}</Table.Th>
              <Table.Th>{t("fields.training_records.provider")}</Table.Th>
              <Table.Th>{t("fields.training_records.expires_on")}</Table.Th>
              <Table.Th>{t("fields.training_records.certificate_document_id")}</Table.Th>
              <Table.Th w={90} aria-label={t("common.actions")} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.training.map((r) => {
              const course = courses.data?.find((c) => c.id === r.course_id);
              const cert = r.certificate_document_id ? docs.get(r.certificate_document_id) : null;
              return (
                <Table.Tr key={r.id} data-testid="training-row" data-id={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {course ? nameIn(course, i18n.language) : t("common.none")}
                      <InactiveMark active={course?.active} />
                    </Text>
                    {course ? (
                      <Text size="xs" c="dimmed">
                        {t("staff.training.hours", { count: course.hours })}
                      </Text>
                    ) : null}
                    {r.notes ? (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {r.notes}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDate(r.completed_on, i18n.language)}</Table.Td>
                  <Table.Td>{r.provider ?? t("common.none")}</Table.Td>
                  <Table.Td>
                    <ExpiryDate date={r.expires_on} />
                  </Table.Td>
                  <Table.Td>
                    {cert ? (
                      <Anchor component="button" size="sm" onClick={() => open.mutate(cert.id)}>
                        {cert.title}
                      </Anchor>
                    ) : (
                      t("common.none")
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <Tooltip label={t("common.edit")} withArrow>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t("common.edit")}
                            onClick={() => setDialog({ kind: "edit", record: r })}
                            data-testid="training-edit"
                          >
                            <IconPencil size={17} stroke={1.6} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t("staff.training.delete")} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("staff.training.delete")}
                            onClick={() => setDialog({ kind: "delete", record: r })}
                            data-testid="training-delete"
                          >
                            <IconTrash size={17} stroke={1.6} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === "delete"
            ? t("staff.training.deleteTitle")
            : dialog?.kind === "edit"
              ? t("staff.training.editTitle")
              : t("staff.training.addTitle")
        }
        size={dialog?.kind === "delete" ? "md" : "lg"}
      >
        {dialog?.kind === "add" ? (
          <TrainingForm
            file={file}
            record={null}
            courseId={dialog.courseId}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog?.kind === "edit" ? (
          <TrainingForm
            file={file}
            record={dialog.record}
            courseId={null}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog?.kind === "delete" ? (
          <DeleteConfirm record={dialog.record} onClose={() => setDialog(null)} />
        ) : null}
      </Modal>
    </Card>
  );
}
