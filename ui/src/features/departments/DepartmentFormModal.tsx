import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { departmentKeys, departmentsApi } from "../../api/departments";
import { settingsKeys } from "../../api/settings";
import type { Department } from "../../bindings/Department";
import { orNull, useServerForm } from "../../lib/useServerForm";
import "./i18n";

type Props = { department: Department | null; onClose: () => void };

function DepartmentForm({ department, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm({
    name: department?.name ?? "",
    code: department?.code ?? "",
    head: department?.head ?? "",
    cost_centre: department?.cost_centre ?? "",
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const input = {
        name: v.name,
        code: orNull(v.code),
        head: orNull(v.head),
        cost_centre: orNull(v.cost_centre),
      };
      return department
        ? departmentsApi.update(department.id, department.version, input)
        : departmentsApi.create(input);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: departmentKeys.all });
      qc.invalidateQueries({ queryKey: settingsKeys.home });
      notifications.show({
        color: "green",
        message: t(department ? "departments.updated" : "departments.created"),
      });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`fields.departments.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="department-form" noValidate>
      <Stack>
        <TextInput
          label={label("name")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("name")}
          name="name"
        />
        <Group grow align="flex-start">
          <TextInput label={label("code")} {...form.getInputProps("code")} name="code" />
          <TextInput
            label={label("cost_centre")}
            {...form.getInputProps("cost_centre")}
            name="cost_centre"
          />
        </Group>
        <TextInput
          label={label("head")}
          description={t("departments.headHelp")}
          {...form.getInputProps("head")}
          name="head"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="department-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DepartmentFormModal({ opened, ...props }: Props & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t(props.department ? "departments.editTitle" : "departments.newTitle")}
      size="lg"
    >
      {/* Remounted per record so the form never shows the previous record's values. */}
      {opened ? <DepartmentForm key={props.department?.id ?? "new"} {...props} /> : null}
    </Modal>
  );
}
