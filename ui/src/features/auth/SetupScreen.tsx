import { Button, Divider, Grid, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountsApi } from "../../api/accounts";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { AuthFrame } from "./AuthFrame";

const EMPTY = {
  organisation: { name: "", vat_number: "", street: "", postal_code: "", city: "", province: "" },
  admin: { full_name: "", username: "", password: "", confirm: "" },
};

/** First run: the organisation and its first administrator, created together. */
export function SetupScreen({ onDone }: { onDone: (s: SessionInfo) => void }) {
  const { t, i18n } = useTranslation();
  const { form, showError } = useServerForm(EMPTY);
  const setup = useMutation({
    mutationFn: (v: typeof EMPTY) => {
      const o = v.organisation;
      return accountsApi.setup({
        organisation: {
          name: o.name,
          vat_number: orNull(o.vat_number),
          street: orNull(o.street),
          postal_code: orNull(o.postal_code),
          city: orNull(o.city),
          province: orNull(o.province),
          country: "IT",
          currency: "EUR",
          locale: i18n.language,
          auto_lock_minutes: 15,
          version: 0,
        },
        admin: {
          username: v.admin.username,
          full_name: v.admin.full_name,
          password: v.admin.password,
          roles: ["admin"],
        },
      });
    },
    onSuccess: onDone,
    onError: showError,
  });
  const submit = form.onSubmit((v) => {
    // The only rule kept in the UI: Rust never sees the confirmation.
    if (v.admin.password !== v.admin.confirm) {
      form.setFieldError("admin.confirm", t("errors.field.password_mismatch"));
      return;
    }
    setup.mutate(v);
  });
  const org = (f: string) => t(`fields.organisation.${f}`);
  const usr = (f: string) => t(`fields.users.${f}`);
  return (
    <AuthFrame title={t("auth.setupTitle")} subtitle={t("auth.setupSubtitle")} width={720}>
      <form onSubmit={submit} data-testid="setup-form" noValidate>
        <Stack>
          <Text fw={600}>{t("common.organisation")}</Text>
          <Grid gutter="sm">
            <Grid.Col span={8}>
              <TextInput
                label={org("name")}
                withAsterisk
                data-autofocus
                {...form.getInputProps("organisation.name")}
                name="organisation.name"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput
                label={org("vat_number")}
                {...form.getInputProps("organisation.vat_number")}
                name="organisation.vat_number"
              />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput label={org("street")} {...form.getInputProps("organisation.street")} />
            </Grid.Col>
            <Grid.Col span={2}>
              <TextInput
                label={org("postal_code")}
                {...form.getInputProps("organisation.postal_code")}
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput label={org("city")} {...form.getInputProps("organisation.city")} />
            </Grid.Col>
            <Grid.Col span={2}>
              <TextInput
                label={org("province")}
                maxLength={2}
                {...form.getInputProps("organisation.province")}
              />
            </Grid.Col>
          </Grid>
          <Divider />
          <Text fw={600}>{t("auth.firstAdmin")}</Text>
          <Grid gutter="sm">
            <Grid.Col span={6}>
              <TextInput
                label={usr("full_name")}
                withAsterisk
                description={t("auth.fullNameHelp")}
                {...form.getInputProps("admin.full_name")}
                name="admin.full_name"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput
                label={usr("username")}
                withAsterisk
                description={t("auth.usernameHelp")}
                {...form.getInputProps("admin.username")}
                name="admin.username"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <PasswordInput
                label={usr("password")}
                withAsterisk
                description={t("auth.passwordHelp")}
                {...form.getInputProps("admin.password")}
                name="admin.password"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <PasswordInput
                label={usr("confirm")}
                withAsterisk
                description={t("auth.confirmHelp")}
                {...form.getInputProps("admin.confirm")}
                name="admin.confirm"
              />
            </Grid.Col>
          </Grid>
          <Button type="submit" loading={setup.isPending} data-testid="setup-submit">
            {t("auth.setupSubmit")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
