import { Button, Card, Grid, Group, NumberInput, Select, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { settingsApi, settingsKeys } from "../../api/settings";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Organisation } from "../../bindings/Organisation";
import { LANGUAGES } from "../../i18n";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { BackupsCard } from "../backups/BackupsCard";
import { SecurityCard } from "../security/SecurityCard";
import "./i18n";
import { LogoCard } from "./LogoCard";

const CURRENCIES = ["EUR", "CHF", "GBP", "USD"];

function toForm(o: Organisation) {
  return {
    name: o.name,
    vat_number: o.vat_number ?? "",
    street: o.street ?? "",
    postal_code: o.postal_code ?? "",
    city: o.city ?? "",
    province: o.province ?? "",
    country: o.country,
    currency: o.currency,
    locale: o.locale,
    auto_lock_minutes: o.auto_lock_minutes,
  };
}

function OrganisationForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(toForm(org));
  const save = useMutation({
    mutationFn: (v: ReturnType<typeof toForm>) =>
      settingsApi.saveOrganisation({
        name: v.name,
        vat_number: orNull(v.vat_number),
        street: orNull(v.street),
        postal_code: orNull(v.postal_code),
        city: orNull(v.city),
        province: orNull(v.province),
        country: v.country,
        currency: v.currency,
        locale: v.locale,
        auto_lock_minutes: Number(v.auto_lock_minutes),
        version: org.version,
      }),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKeys.organisation, saved);
      qc.invalidateQueries({ queryKey: settingsKeys.home });
      form.setValues(toForm(saved));
      form.resetDirty(toForm(saved));
      notifications.show({ color: "green", message: t("common.saved") });
    },
    onError: showError,
  });
  const label = (f: string) => t(`fields.organisation.${f}`);
  const canWrite = useCan("settings", "write");
  return (
    <Card maw={860}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="organisation-form">
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <Grid gutter="md">
            <Grid.Col span={8}>
              <TextInput
                label={label("name")}
                withAsterisk
                data-autofocus
                {...form.getInputProps("name")}
                name="name"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput
                label={label("vat_number")}
                {...form.getInputProps("vat_number")}
                name="vat_number"
              />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label={label("street")} {...form.getInputProps("street")} name="street" />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput
                label={label("postal_code")}
                {...form.getInputProps("postal_code")}
                name="postal_code"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={label("city")} {...form.getInputProps("city")} name="city" />
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput
                label={label("province")}
                maxLength={2}
                {...form.getInputProps("province")}
                name="province"
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput
                label={label("country")}
                maxLength={2}
                {...form.getInputProps("country")}
                name="country"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Select
                label={label("currency")}
                description={t("settings.currencyHelp")}
                data={CURRENCIES}
                allowDeselect={false}
                {...form.getInputProps("currency")}
                name="currency"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Select
                label={label("locale")}
                description={t("settings.localeHelp")}
                data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                allowDeselect={false}
                {...form.getInputProps("locale")}
                name="locale"
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <NumberInput
                label={label("auto_lock_minutes")}
                min={1}
                max={240}
                allowDecimal={false}
                {...form.getInputProps("auto_lock_minutes")}
                name="auto_lock_minutes"
              />
            </Grid.Col>
          </Grid>
        </fieldset>
        {canWrite ? (
          <Group justify="flex-end" mt="lg">
            <Button type="submit" loading={save.isPending} data-testid="organisation-save">
              {t("common.save")}
            </Button>
          </Group>
        ) : null}
      </form>
    </Card>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const org = useQuery({
    queryKey: settingsKeys.organisation,
    queryFn: settingsApi.organisation,
  });
  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      {/* Keyed on version so a reload after a save or a conflict starts from the stored values. */}
      <QueryState query={org}>
        {(o) => (
          <>
            <OrganisationForm key={o.version} org={o} />
            <LogoCard org={o} />
          </>
        )}
      </QueryState>
      <BackupsCard />
      <SecurityCard />
    </>
  );
}
