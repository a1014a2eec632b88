import { Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountsApi } from "../../api/accounts";
import { useServerForm } from "../../lib/useServerForm";

function ChangePasswordForm({ onClose, forced }: { onClose: () => void; forced: boolean }) {
  const { t } = useTranslation();
  const { form, showError } = useServerForm({ old_password: "", new_password: "", confirm: "" });
  const change = useMutation({
    mutationFn: (v: typeof form.values) =>
      accountsApi.changeOwnPassword(v.old_password, v.new_password),
    onSuccess: () => {
      notifications.show({ color: "green", message: t("auth.passwordChanged") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        if (v.new_password !== v.confirm) {
          form.setFieldError("confirm", t("errors.field.password_mismatch"));
          return;
        }
        change.mutate(v);
      })}
      data-testid="change-password-form"
    >
      <Stack>
        <PasswordInput
          label={t("auth.oldPassword")}
          data-autofocus
          {...form.getInputProps("old_password")}
          name="old_password"
        />
        <PasswordInput
          label={t("auth.newPassword")}
          description={t("auth.passwordHelp")}
          {...form.getInputProps("new_password")}
          name="new_password"
        />
        <PasswordInput
          label={t("fields.users.confirm")}
          {...form.getInputProps("confirm")}
          name="confirm"
        />
        <Group justify="flex-end">
          {forced ? null : (
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * `forced`: after an administrator reset the password, the person must choose their own before
 * doing anything else; the dialog cannot be dismissed.
 */
export function ChangePasswordModal({
  opened,
  onClose,
  forced = false,
}: {
  opened: boolean;
  onClose: () => void;
  forced?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={forced ? () => {} : onClose}
      withCloseButton={!forced}
      closeOnEscape={!forced}
      closeOnClickOutside={!forced}
      title={t(forced ? "auth.mustChangeTitle" : "auth.changePassword")}
    >
      {forced ? (
        <Text size="sm" mb="md">
          {t("auth.mustChangeText")}
        </Text>
      ) : null}
      {opened ? <ChangePasswordForm onClose={onClose} forced={forced} /> : null}
    </Modal>
  );
}
