import { Alert, Avatar, Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconLock } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountsApi } from "../../api/accounts";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { User } from "../../bindings/User";
import { errorMessage } from "../../lib/errors";

/**
 * Covers the app after idle time. The screens stay mounted underneath (blurred), so a half-filled
 * form is still there after unlocking.
 */
export function LockScreen({
  opened,
  user,
  onUnlocked,
  onSignOut,
}: {
  opened: boolean;
  user: User;
  onUnlocked: (s: SessionInfo) => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { password: "" } });
  const unlock = useMutation({
    mutationFn: (password: string) => accountsApi.unlock(password),
    onSuccess: (s) => {
      form.reset();
      onUnlocked(s);
    },
    onError: () => form.setFieldValue("password", ""),
  });
  return (
    <Modal
      opened={opened}
      onClose={() => {}}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      centered
      overlayProps={{ backgroundOpacity: 0.6, blur: 12 }}
      title={
        <Group gap="xs">
          <IconLock size={18} />
          <Text fw={600}>{t("auth.lockedTitle")}</Text>
        </Group>
      }
      data-testid="lock-screen"
    >
      <form onSubmit={form.onSubmit((v) => unlock.mutate(v.password))} data-testid="unlock-form">
        <Stack>
          <Group gap="sm">
            <Avatar color="indigo" radius="xl">
              {user.full_name.slice(0, 1).toUpperCase()}
            </Avatar>
            <Stack gap={0}>
              <Text fw={600}>{user.full_name}</Text>
              <Text size="sm" c="dimmed">
                {user.username}
              </Text>
            </Stack>
          </Group>
          <Text size="sm">{t("auth.lockedText")}</Text>
          {unlock.isError ? (
            <Alert color="red" data-testid="unlock-error">
              {errorMessage(unlock.error, t)}
            </Alert>
          ) : null}
          <PasswordInput
            label={t("fields.users.password")}
            data-autofocus
            {...form.getInputProps("password")}
            name="unlock-password"
          />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" onClick={onSignOut}>
              {t("auth.signOut")}
            </Button>
            <Button type="submit" loading={unlock.isPending} data-testid="unlock-submit">
              {t("auth.unlock")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
