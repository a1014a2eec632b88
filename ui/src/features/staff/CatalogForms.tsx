/** The forms behind the staff lists: contract types, document types, courses, requirements. */
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { staffCatalogApi, staffCatalogKeys, staffKeys } from "../../api/staff";
import type { ContractType } from "../../bindings/ContractType";
import type { Course } from "../../bindings/Course";
import type { DocumentType } from "../../bindings/DocumentType";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { useAllDepartments, useCourses, useDocumentTypes, useOptions } from "./catalog";
import "./i18n";
import "./i18n-lists";

/** After a list changes, the lists and every score (requirements move them) are re-read. */
function useSaved(message: string, onClose: () => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: staffCatalogKeys.all });
    qc.invalidateQueries({ queryKey: staffKeys.all });
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

export function ContractTypeForm({
  item,
  onClose,
}: {
  item: ContractType | null;
  onClose: () => void;
}) {
  const { form, showError } = useServerForm(
    {
      name_it: item?.name_it ?? "",
      name_en: item?.name_en ?? "",
      fixed_term: item?.fixed_term ?? false,
    },
    { area: "staff" },
  );
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

export function DocumentTypeForm({
  item,
  onClose,
}: {
  item: DocumentType | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { form, showError } = useServerForm(
    {
      name_it: item?.name_it ?? "",
      name_en: item?.name_en ?? "",
      expires: item?.expires ?? false,
      validity_months: (item?.validity_months ?? "") as number | string,
    },
    { area: "staff" },
  );
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

export function CourseForm({ item, onClose }: { item: Course | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, showError } = useServerForm(
    {
      name_it: item?.name_it ?? "",
      name_en: item?.name_en ?? "",
      hours: (item?.hours ?? "") as number | string,
      validity_months: (item?.validity_months ?? "") as number | string,
    },
    { area: "staff" },
  );
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

export function RequirementForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const docTypes = useOptions(useDocumentTypes().data);
  const courses = useOptions(useCourses().data);
  const { form, showError } = useServerForm(
    {
      job_title: "",
      department_id: null as string | null,
      kind: "document" as "document" | "course",
      target: null as string | null,
    },
    { alias: { required: "target" }, area: "staff" },
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
