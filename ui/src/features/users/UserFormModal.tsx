import {
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountsApi, userKeys } from "../../api/accounts";
import { QueryState } from "../../app/QueryState";
import type { Role } from "../../bindings/Role";
import type { User } from "../../bindings/User";
import { useServerForm } from "../../lib/useServerForm";
import { EmployeePicker } from "../staff/EmployeePicker";
import { ROLES } from "./roles";
import "./i18n";

function RolesField({
  value,
  onChange,
  error,
}: {
  value: Role[];
  onChange: (r: Role[]) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t("fields.users.roles")}
      withAsterisk
      value={value}
      onChange={(v) => onChange(v as Role[])}
      error={typeof error === "string" ? error : undefined}
      data-testid="user-roles"
    >
      <Group mt="xs" gap="md">
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={t(`roles.${r}`)} data-testid={`role-${r}`} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function NewUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm({
    full_name: "",
    username: "",
    password: "",
    roles: [] as Role[],
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => accountsApi.create(v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: userKeys.list() });
      notifications.show({ color: "green", message: t("users.created") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="user-form" noValidate>
      <Stack>
        <TextInput
          label={t("fields.users.full_name")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("full_name")}
          name="full_name"
        />
        <TextInput
          label={t("fields.users.username")}
          withAsterisk
          description={t("auth.usernameHelp")}
          {...form.getInputProps("username")}
          name="username"
        />
        <PasswordInput
          label={t("fields.users.password")}
          withAsterisk
          description={t("auth.passwordHelp")}
          {...form.getInputProps("password")}
          name="password"
        />
        <RolesField
          value={form.values.roles}
          onChange={(r) => form.setFieldValue("roles", r)}
          error={form.errors.roles}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="user-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm({
    full_name: user.full_name,
    roles: user.roles,
    active: user.active,
    employee_id: user.employee_id === null ? null : String(user.employee_id),
    new_password: "",
  });
  const save = useMutation({
    mutationFn: async (v: typeof form.values) => {
      const saved = await accountsApi.update(user.id, user.version, {
        full_name: v.full_name,
        roles: v.roles,
        active: v.active,
        employee_id: v.employee_id ? Number(v.employee_id) : null,
      });
      return v.new_password ? accountsApi.resetPassword(user.id, v.new_password) : saved;
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: userKeys.list() });
      notifications.show({ color: "green", message: t("users.updated") });
      onClose();
    },
    onError: (e) => {
      qc.invalidateQueries({ queryKey: userKeys.list() });
      showError(e);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="user-form" noValidate>
      <Stack>
        <TextInput label={t("fields.users.username")} value={user.username} disabled />
        <TextInput
          label={t("fields.users.full_name")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("full_name")}
          name="full_name"
        />
        <RolesField
          value={form.values.roles}
          onChange={(r) => form.setFieldValue("roles", r)}
          error={form.errors.roles}
        />
        <Switch
          label={t("fields.users.active")}
          {...form.getInputProps("active", { type: "checkbox" })}
          data-testid="user-active"
        />
        <EmployeePicker
          label={t("users.employee")}
          description={t("users.employeeHelp")}
          currentLabel={user.employee_name}
          value={form.values.employee_id}
          onChange={(v) => form.setFieldValue("employee_id", v)}
          error={form.errors.employee_id}
          data-testid="user-employee"
        />
        <PasswordInput
          label={t("users.resetPassword")}
          description={t("users.resetHelp")}
          {...form.getInputProps("new_password")}
          name="new_password"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="user-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Loads the account through `get_user`, which records the opening in history: a save refreshes
 * the list only (`userKeys.list()`), so the account on screen is not read, and recorded, again.
 */
function EditUser({ id, onClose }: { id: number; onClose: () => void }) {
  const user = useQuery({
    queryKey: userKeys.detail(id),
    queryFn: () => accountsApi.get(id),
    staleTime: 0,
  });
  return <QueryState query={user}>{(u) => <EditUserForm user={u} onClose={onClose} />}</QueryState>;
}

export function UserFormModal({
  userId,
  onClose,
}: {
  userId: number | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={userId !== undefined}
      onClose={onClose}
      title={t(userId ? "users.editTitle" : "users.newTitle")}
      size="lg"
    >
      {userId === null ? <NewUserForm onClose={onClose} /> : null}
      {userId ? <EditUser key={userId} id={userId} onClose={onClose} /> : null}
    </Modal>
  );
}
