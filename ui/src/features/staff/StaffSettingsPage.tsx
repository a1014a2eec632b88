import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconPencil, IconPlus, IconRestore, IconTrash } from "@tabler/icons-react";
import { type UseQueryResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffCatalogApi } from "../../api/staff";
import { useRemembered } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { ContractType } from "../../bindings/ContractType";
import type { Course } from "../../bindings/Course";
import type { DocumentType } from "../../bindings/DocumentType";
import type { Requirement } from "../../bindings/Requirement";
import { orNull } from "../../lib/useServerForm";
import {
  CATALOG_KEY,
  nameIn,
  useAllDepartments,
  useContractTypes,
  useCourses,
  useDocumentTypes,
  useNames,
  useOptions,
  useRequirements,
} from "./catalog";
import { notifyError, useStaffForm } from "./errors";
import "./staff.css";

/** After a list changes, the lists and every score (requirements move them) are re-read. */
function useSaved(message: string, onClose: () => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: [CATALOG_KEY] });
    qc.invalidateQueries({ queryKey: ["staff"] });
    notifications.show({ color: "green", message: t(message) });
    onClose();
  };
}

function FormButtons({
  onClose,
  pending,
  testid,
}: {
  onClose: () => void;
  pending: boolean;
  testid: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={pending} data-testid={testid}>
        {t("common.save")}
      </Button>
    </Group>
  );
}

function NameInputs({ form }: { form: { getInputProps: (f: string) => object } }) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <TextInput
        label={t("fields.catalog.name_it")}
        withAsterisk
        data-autofocus
        {...form.getInputProps("name_it")}
        name="name_it"
      />
      <TextInput
        label={t("fields.catalog.name_en")}
        description={t("staffSettings.nameEnHelp")}
        inputWrapperOrder={["label", "input", "description", "error"]}
        {...form.getInputProps("name_en")}
        name="name_en"
      />
    </Group>
  );
}

function ContractTypeForm({ item, onClose }: { item: ContractType | null; onClose: () => void }) {
  const { form, showError } = useStaffForm({
    name_it: item?.name_it ?? "",
    name_en: item?.name_en ?? "",
    fixed_term: item?.fixed_term ?? false,
  });
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffCatalogApi.saveContractType(item?.id ?? null, item?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        fixed_term: v.fixed_term,
      }),
    onSuccess: useSaved("common.saved", onClose),
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      data-testid="contract-type-form"
    >
      <Stack>
        <NameInputs form={form} />
        <Checkbox
          label={t("fields.catalog.fixed_term")}
          description={t("staffSettings.fixedTermHelp")}
          {...form.getInputProps("fixed_term", { type: "checkbox" })}
        />
        <FormButtons onClose={onClose} pending={save.isPending} testid="contract-type-save" />
      </Stack>
    </form>
  );
}

function DocumentTypeForm({ item, onClose }: { item: DocumentType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, showError } = useStaffForm({
    name_it: item?.name_it ?? "",
    name_en: item?.name_en ?? "",
    expires: item?.expires ?? false,
    validity_months: (item?.validity_months ?? "") as number | string,
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffCatalogApi.saveDocumentType(item?.id ?? null, item?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        expires: v.expires,
        validity_months: v.validity_months === "" ? null : Number(v.validity_months),
      }),
    onSuccess: useSaved("common.saved", onClose),
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      data-testid="document-type-form"
    >
      <Stack>
        <NameInputs form={form} />
        <Checkbox
          label={t("fields.catalog.expires")}
          description={t("staffSettings.expiresHelp")}
          {...form.getInputProps("expires", { type: "checkbox" })}
          onChange={(e) => {
            form.setFieldValue("expires", e.currentTarget.checked);
            if (!e.currentTarget.checked) form.setFieldValue("validity_months", "");
          }}
        />
        <NumberInput
          label={t("fields.catalog.validity_months")}
          description={t("staffSettings.validityHelp")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          disabled={!form.values.expires}
          allowDecimal={false}
          min={1}
          w={260}
          {...form.getInputProps("validity_months")}
          name="validity_months"
        />
        <FormButtons onClose={onClose} pending={save.isPending} testid="document-type-save" />
      </Stack>
    </form>
  );
}

function CourseForm({ item, onClose }: { item: Course | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, showError } = useStaffForm({
    name_it: item?.name_it ?? "",
    name_en: item?.name_en ?? "",
    hours: (item?.hours ?? "") as number | string,
    validity_months: (item?.validity_months ?? "") as number | string,
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffCatalogApi.saveCourse(item?.id ?? null, item?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        hours: v.hours === "" ? 0 : Number(v.hours),
        validity_months: v.validity_months === "" ? null : Number(v.validity_months),
      }),
    onSuccess: useSaved("common.saved", onClose),
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="course-form">
      <Stack>
        <NameInputs form={form} />
        <Group grow align="flex-start">
          <NumberInput
            label={t("fields.catalog.hours")}
            allowDecimal={false}
            min={0}
            {...form.getInputProps("hours")}
            name="hours"
          />
          <NumberInput
            label={t("fields.catalog.validity_months")}
            description={t("staffSettings.courseValidityHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            allowDecimal={false}
            min={1}
            {...form.getInputProps("validity_months")}
            name="validity_months"
          />
        </Group>
        <FormButtons onClose={onClose} pending={save.isPending} testid="course-save" />
      </Stack>
    </form>
  );
}

function RequirementForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const docTypes = useOptions(useDocumentTypes().data);
  const courses = useOptions(useCourses().data);
  const { form, showError } = useStaffForm(
    {
      job_title: "",
      department_id: null as string | null,
      kind: "document" as "document" | "course",
      target: null as string | null,
    },
    { required: "target" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffCatalogApi.createRequirement({
        job_title: orNull(v.job_title),
        department_id: v.department_id ? Number(v.department_id) : null,
        required:
          v.kind === "document"
            ? { kind: "document", document_type_id: Number(v.target) }
            : { kind: "course", course_id: Number(v.target) },
      }),
    onSuccess: useSaved("staffSettings.requirementAdded", onClose),
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        if (!v.target) {
          form.setFieldError("target", t("errors.field.required"));
          return;
        }
        save.mutate(v);
      })}
      noValidate
      data-testid="requirement-form"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t("staffSettings.requirementIntro")}
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label={t("fields.requirements.job_title")}
            placeholder={t("staffSettings.anyJobTitle")}
            description={t("staffSettings.jobTitleHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            data-autofocus
            {...form.getInputProps("job_title")}
            name="job_title"
          />
          <Select
            label={t("fields.requirements.department_id")}
            placeholder={t("staffSettings.anyDepartment")}
            data={(departments.data ?? [])
              .filter((d) => d.active)
              .map((d) => ({ value: String(d.id), label: d.name }))}
            clearable
            searchable
            {...form.getInputProps("department_id")}
          />
        </Group>
        <SegmentedControl
          data={[
            { value: "document", label: t("staffSettings.kind.document") },
            { value: "course", label: t("staffSettings.kind.course") },
          ]}
          {...form.getInputProps("kind")}
          onChange={(v) => {
            form.setFieldValue("kind", v as "document" | "course");
            form.setFieldValue("target", null);
          }}
        />
        <Select
          label={
            form.values.kind === "document"
              ? t("staffSettings.requiredDocument")
              : t("staffSettings.requiredCourse")
          }
          withAsterisk
          data={form.values.kind === "document" ? docTypes : courses}
          searchable
          data-field="target"
          {...form.getInputProps("target")}
        />
        <FormButtons onClose={onClose} pending={save.isPending} testid="requirement-save" />
      </Stack>
    </form>
  );
}

function ListCard({
  intro,
  newLabel,
  onNew,
  extra,
  children,
}: {
  intro: string;
  newLabel: string;
  onNew: () => void;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const canWrite = useCan("staff", "write");
  return (
    <Card>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <Group gap="lg" wrap="nowrap" style={{ flexShrink: 0 }}>
          {extra}
          {canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
              {newLabel}
            </Button>
          ) : null}
        </Group>
      </Group>
      {children}
    </Card>
  );
}

/** One entry of a list that can be retired: contract type, document type or course. */
type CatalogItem = {
  id: number;
  version: number;
  name_it: string;
  name_en: string | null;
  active: boolean;
};
type CatalogKind = "contractType" | "documentType" | "course";

/**
 * Retired entries stay in the list, greyed and after the ones in use, so the manager sees what
 * was retired and can bring it back; the switch hides them. The choice is remembered per list.
 */
function useShown<T extends CatalogItem>(kind: CatalogKind, items: T[] | undefined) {
  const { t } = useTranslation();
  const [show, setShow] = useRemembered<boolean>(`staffSettings.showInactive.${kind}`, true);
  const all = items ?? [];
  const inactive = all.filter((i) => !i.active).length;
  const rows = [...all.filter((i) => i.active), ...(show ? all.filter((i) => !i.active) : [])];
  const toggle =
    inactive > 0 ? (
      <Switch
        size="sm"
        checked={show}
        onChange={(e) => setShow(e.currentTarget.checked)}
        label={t("staffSettings.showInactive", { count: inactive })}
        data-testid="catalog-show-inactive"
      />
    ) : null;
  return { rows, toggle };
}

function setActive(kind: CatalogKind, item: CatalogItem, active: boolean): Promise<CatalogItem> {
  switch (kind) {
    case "contractType":
      return staffCatalogApi.setContractTypeActive(item.id, item.version, active);
    case "documentType":
      return staffCatalogApi.setDocumentTypeActive(item.id, item.version, active);
    case "course":
      return staffCatalogApi.setCourseActive(item.id, item.version, active);
  }
}

/**
 * Deactivate (after a confirmation that says what it means) or reactivate one entry. A refusal
 * (still required, changed meanwhile) comes back from Rust and is shown translated.
 */
function ActiveAction({ kind, item }: { kind: CatalogKind; item: CatalogItem }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("staff", "write");
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: (active: boolean) => setActive(kind, item, active),
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: [CATALOG_KEY] });
      notifications.show({
        color: "green",
        message: t(saved.active ? "staffSettings.reactivated" : "staffSettings.deactivated", {
          name: nameIn(saved, i18n.language),
        }),
      });
      setConfirming(false);
    },
    onError: (e) => {
      setConfirming(false);
      notifyError(e, t);
    },
  });
  if (!canWrite) return null;
  const name = nameIn(item, i18n.language);
  if (!item.active) {
    return (
      <Tooltip label={t("staffSettings.reactivate")}>
        <ActionIcon
          variant="subtle"
          aria-label={t("staffSettings.reactivate")}
          loading={toggle.isPending}
          onClick={() => toggle.mutate(true)}
          data-testid="catalog-reactivate"
        >
          <IconRestore size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <>
      <Tooltip label={t("staffSettings.deactivate")}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("staffSettings.deactivate")}
          onClick={() => setConfirming(true)}
          data-testid="catalog-deactivate"
        >
          <IconArchive size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("staffSettings.deactivateTitle", { name })}
        size="md"
      >
        <Stack data-testid="catalog-deactivate-dialog">
          <Text size="sm">{t(`staffSettings.deactivateText.${kind}`)}</Text>
          <Text size="sm" c="dimmed">
            {t("staffSettings.deactivateUndo")}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={toggle.isPending}
              onClick={() => toggle.mutate(false)}
              data-testid="catalog-deactivate-confirm"
            >
              {t("staffSettings.deactivate")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A list row, greyed when retired; `data-name` lets tests find an entry by its Italian name. */
function CatalogRow({ item, children }: { item: CatalogItem; children: ReactNode }) {
  return (
    <Table.Tr
      className={item.active ? undefined : "catalog-inactive"}
      data-testid="catalog-row"
      data-name={item.name_it}
      data-active={item.active}
    >
      {children}
    </Table.Tr>
  );
}

function RowActions({
  kind,
  item,
  onEdit,
}: {
  kind: CatalogKind;
  item: CatalogItem;
  onEdit: () => void;
}) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        <EditIcon onClick={onEdit} />
        <ActiveAction kind={kind} item={item} />
      </Group>
    </Table.Td>
  );
}

function EditIcon({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const canWrite = useCan("staff", "write");
  if (!canWrite) return null;
  return (
    <ActionIcon variant="subtle" aria-label={t("common.edit")} onClick={onClick}>
      <IconPencil size={16} />
    </ActionIcon>
  );
}

function NameCell({
  item,
}: {
  item: { name_it: string; name_en: string | null; active: boolean };
}) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {item.name_it}
        </Text>
        {item.active ? null : (
          <Badge size="xs" color="gray" variant="light">
            {t("staff.inactive")}
          </Badge>
        )}
      </Group>
      {item.name_en ? (
        <Text size="xs" c="dimmed">
          {item.name_en}
        </Text>
      ) : null}
    </Table.Td>
  );
}

type Editing<T> = { item: T | null } | null;

/** A column of a list panel after the name: its header and what a row shows in it. */
type Column<T> = { header: string; cell: (item: T) => ReactNode };

/**
 * One list panel (contract types, document types, courses): the entries with their name, the
 * list's own columns and the edit/retire actions, the switch for retired ones, and the form in a
 * dialog. The three lists differ only in their columns and form.
 */
function CatalogPanel<T extends CatalogItem>({
  kind,
  list,
  testId,
  intro,
  newLabel,
  editLabel,
  columns,
  form,
}: {
  kind: CatalogKind;
  list: UseQueryResult<T[]>;
  testId: string;
  intro: string;
  newLabel: string;
  editLabel: string;
  columns: Column<T>[];
  form: (item: T | null, onClose: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const { rows, toggle } = useShown(kind, list.data);
  const [editing, setEditing] = useState<Editing<T>>(null);
  return (
    <ListCard
      intro={intro}
      newLabel={newLabel}
      onNew={() => setEditing({ item: null })}
      extra={toggle}
    >
      <QueryState query={list}>
        {() => (
          <Table verticalSpacing="xs" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("fields.catalog.name")}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.header}>{c.header}</Table.Th>
                ))}
                <Table.Th w={90} aria-label={t("common.actions")} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <CatalogRow key={item.id} item={item}>
                  <NameCell item={item} />
                  {columns.map((c) => (
                    <Table.Td key={c.header}>{c.cell(item)}</Table.Td>
                  ))}
                  <RowActions kind={kind} item={item} onEdit={() => setEditing({ item })} />
                </CatalogRow>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.item ? editLabel : newLabel}
        size="lg"
      >
        {editing ? form(editing.item, () => setEditing(null)) : null}
      </Modal>
    </ListCard>
  );
}

function ContractTypes() {
  const { t } = useTranslation();
  return (
    <CatalogPanel
      kind="contractType"
      list={useContractTypes()}
      testId="contract-types-table"
      intro={t("staffSettings.contractTypesIntro")}
      newLabel={t("staffSettings.newContractType")}
      editLabel={t("staffSettings.editContractType")}
      columns={[
        {
          header: t("fields.catalog.fixed_term"),
          cell: (c) => (c.fixed_term ? t("common.yes") : t("common.no")),
        },
      ]}
      form={(item, onClose) => <ContractTypeForm item={item} onClose={onClose} />}
    />
  );
}

function DocumentTypes() {
  const { t } = useTranslation();
  return (
    <CatalogPanel
      kind="documentType"
      list={useDocumentTypes()}
      testId="document-types-table"
      intro={t("staffSettings.documentTypesIntro")}
      newLabel={t("staffSettings.newDocumentType")}
      editLabel={t("staffSettings.editDocumentType")}
      columns={[
        {
          header: t("fields.catalog.expires"),
          cell: (d) => (d.expires ? t("common.yes") : t("common.no")),
        },
        {
          header: t("fields.catalog.validity_months"),
          cell: (d) =>
            d.validity_months
              ? t("staffSettings.months", { count: d.validity_months })
              : d.expires
                ? t("staffSettings.typedEachTime")
                : t("common.none"),
        },
      ]}
      form={(item, onClose) => <DocumentTypeForm item={item} onClose={onClose} />}
    />
  );
}

function Courses() {
  const { t } = useTranslation();
  return (
    <CatalogPanel
      kind="course"
      list={useCourses()}
      testId="courses-table"
      intro={t("staffSettings.coursesIntro")}
      newLabel={t("staffSettings.newCourse")}
      editLabel={t("staffSettings.editCourse")}
      columns={[
        { header: t("fields.catalog.hours"), cell: (c) => c.hours },
        {
          header: t("fields.catalog.validity_months"),
          cell: (c) =>
            c.validity_months
              ? t("staffSettings.months", { count: c.validity_months })
              : t("staffSettings.neverExpires"),
        },
      ]}
      form={(item, onClose) => <CourseForm item={item} onClose={onClose} />}
    />
  );
}

function Requirements() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("staff", "write");
  const list = useRequirements();
  const departments = useAllDepartments();
  const docType = useNames(useDocumentTypes().data);
  const courses = useCourses();
  const course = (id: number) => {
    const c = courses.data?.find((x) => x.id === id);
    return c ? nameIn(c, i18n.language) : "?";
  };
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (r: Requirement) => staffCatalogApi.deleteRequirement(r.id, r.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: [CATALOG_KEY] });
      qc.invalidateQueries({ queryKey: ["staff"] });
      notifications.show({ color: "green", message: t("staffSettings.requirementDeleted") });
    },
    onError: (e) => notifyError(e, t),
  });
  return (
    <ListCard
      intro={t("staffSettings.requirementsIntro")}
      newLabel={t("staffSettings.newRequirement")}
      onNew={() => setAdding(true)}
    >
      <QueryState query={list}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="requirements-empty">
              {t("staffSettings.noRequirements")}
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="requirements-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("fields.requirements.job_title")}</Table.Th>
                  <Table.Th>{t("fields.requirements.department_id")}</Table.Th>
                  <Table.Th>{t("staffSettings.requires")}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid="requirement-row">
                    <Table.Td>
                      {r.job_title ?? (
                        <Text span c="dimmed" size="sm">
                          {t("staffSettings.anyJobTitle")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.department_id ? (
                        (departments.data?.find((d) => d.id === r.department_id)?.name ?? "?")
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t("staffSettings.anyDepartment")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={r.document_type_id ? "indigo" : "teal"}
                        mr={6}
                        style={{ textTransform: "none" }}
                      >
                        {r.document_type_id
                          ? t("staffSettings.kind.document")
                          : t("staffSettings.kind.course")}
                      </Badge>
                      {r.document_type_id
                        ? (docType(r.document_type_id) ?? "?")
                        : course(r.course_id ?? 0)}
                    </Table.Td>
                    <Table.Td>
                      {canWrite ? (
                        <Tooltip label={t("staffSettings.deleteRequirement")}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("staffSettings.deleteRequirement")}
                            onClick={() => remove.mutate(r)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t("staffSettings.newRequirement")}
        size="lg"
      >
        {adding ? <RequirementForm onClose={() => setAdding(false)} /> : null}
      </Modal>
    </ListCard>
  );
}

/** The lists behind staff files, and what each job title or department requires. */
export function StaffSettingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useRemembered<string>("staffSettings.tab", "requirements");
  return (
    <>
      <PageHeader title={t("staffSettings.title")} subtitle={t("staffSettings.subtitle")} />
      <Tabs value={tab} onChange={(v) => setTab(v ?? "requirements")} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="requirements" data-testid="settings-tab-requirements">
            {t("staffSettings.tabs.requirements")}
          </Tabs.Tab>
          <Tabs.Tab value="documentTypes" data-testid="settings-tab-document-types">
            {t("staffSettings.tabs.documentTypes")}
          </Tabs.Tab>
          <Tabs.Tab value="courses" data-testid="settings-tab-courses">
            {t("staffSettings.tabs.courses")}
          </Tabs.Tab>
          <Tabs.Tab value="contractTypes" data-testid="settings-tab-contract-types">
            {t("staffSettings.tabs.contractTypes")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requirements">
          <Requirements />
        </Tabs.Panel>
        <Tabs.Panel value="documentTypes">
          <DocumentTypes />
        </Tabs.Panel>
        <Tabs.Panel value="courses">
          <Courses />
        </Tabs.Panel>
        <Tabs.Panel value="contractTypes">
          <ContractTypes />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
