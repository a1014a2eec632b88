import {
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  Rating,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { settingsKeys } from "../../api/settings";
import type { Supplier } from "../../bindings/Supplier";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { categoryLabel, MONO } from "./parts";
import "./i18n";

type Props = {
  supplier: Supplier | null;
  onClose: () => void;
  /** After a save, with the supplier as stored. */
  onSaved?: (s: Supplier) => void;
};

function Section({ title }: { title: string }) {
  return <Divider label={<Text fw={600}>{title}</Text>} labelPosition="left" mt="xs" />;
}

function SupplierForm({ supplier: s, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
  });
  const { form, showError } = useServerForm(
    {
      name: s?.name ?? "",
      vat_number: s?.vat_number ?? "",
      fiscal_code: s?.fiscal_code ?? "",
      street: s?.street ?? "",
      postcode: s?.postcode ?? "",
      city: s?.city ?? "",
      province: s?.province ?? "",
      country: s?.country ?? "IT",
      email: s?.email ?? "",
      pec: s?.pec ?? "",
      sdi_code: s?.sdi_code ?? "",
      phone: s?.phone ?? "",
      website: s?.website ?? "",
      iban: s?.iban ?? "",
      payment_terms: s?.payment_terms ?? "",
      rating: s?.rating ?? 0,
      notes: s?.notes ?? "",
      category_ids: (s?.categories ?? []).map((c) => String(c.id)),
    },
    { area: "purchasing" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      purchasingApi.saveSupplier(s?.id ?? null, s?.version ?? 0, {
        name: v.name,
        vat_number: orNull(v.vat_number),
        fiscal_code: orNull(v.fiscal_code),
        street: orNull(v.street),
        postcode: orNull(v.postcode),
        city: orNull(v.city),
        province: orNull(v.province),
        country: orNull(v.country),
        email: orNull(v.email),
        pec: orNull(v.pec),
        sdi_code: orNull(v.sdi_code),
        phone: orNull(v.phone),
        website: orNull(v.website),
        iban: orNull(v.iban),
        payment_terms: orNull(v.payment_terms),
        rating: v.rating > 0 ? v.rating : null,
        notes: orNull(v.notes),
        category_ids: v.category_ids.map(Number),
      }),
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      qc.invalidateQueries({ queryKey: settingsKeys.home });
      notifications.show({
        color: "green",
        message: t(s ? "purchasingUi.suppliers.updated" : "purchasingUi.suppliers.created"),
      });
      onClose();
      onSaved?.(saved);
    },
    onError: showError,
  });
  const f = (k: string) => t(`purchasingUi.fields.${k}`);
  const input = (k: keyof typeof form.values) => ({
    label: f(k),
    ...form.getInputProps(k),
    name: k,
  });
  // Retired categories the supplier still has stay choosable, so saving does not drop them.
  const options = (categories.data ?? []).map((c) => ({
    value: String(c.id),
    label: categoryLabel(c, i18n.language),
  }));
  for (const c of s?.categories ?? []) {
    if (!options.some((o) => o.value === String(c.id))) {
      options.push({ value: String(c.id), label: categoryLabel(c, i18n.language) });
    }
  }
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="supplier-form" noValidate>
      <Stack gap="sm">
        <Section title={t("purchasingUi.suppliers.sections.identity")} />
        <TextInput {...input("name")} withAsterisk data-autofocus />
        <Group grow align="flex-start">
          <TextInput
            {...input("vat_number")}
            description={t("purchasingUi.suppliers.help.vat_number")}
            styles={MONO}
          />
          <TextInput {...input("fiscal_code")} styles={MONO} />
        </Group>
        <Section title={t("purchasingUi.suppliers.sections.address")} />
        <TextInput {...input("street")} />
        <Group grow align="flex-start">
          <TextInput {...input("postcode")} maw={120} />
          <TextInput {...input("city")} />
          <TextInput {...input("province")} maw={100} />
          <TextInput {...input("country")} maw={100} />
        </Group>
        <Section title={t("purchasingUi.suppliers.sections.reach")} />
        <Group grow align="flex-start">
          <TextInput {...input("email")} type="email" />
          <TextInput {...input("pec")} type="email" />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            {...input("sdi_code")}
            description={t("purchasingUi.suppliers.help.sdi_code")}
            styles={MONO}
          />
          <TextInput {...input("phone")} />
          <TextInput {...input("website")} />
        </Group>
        <Section title={t("purchasingUi.suppliers.sections.payment")} />
        <Group grow align="flex-start">
          <TextInput {...input("iban")} styles={MONO} />
          <TextInput
            {...input("payment_terms")}
            description={t("purchasingUi.suppliers.help.payment_terms")}
          />
        </Group>
        <Section title={t("purchasingUi.suppliers.sections.other")} />
        <MultiSelect
          label={f("category_ids")}
          data={options}
          searchable
          {...form.getInputProps("category_ids")}
          data-testid="supplier-categories"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {f("rating")}
          </Text>
          <Rating
            value={form.values.rating}
            onChange={(v) => form.setFieldValue("rating", v)}
            data-testid="supplier-rating"
          />
          {form.errors.rating && (
            <Text size="xs" c="red">
              {form.errors.rating}
            </Text>
          )}
        </Stack>
        <Textarea {...input("notes")} autosize minRows={2} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="supplier-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SupplierFormModal({ opened, ...props }: Props & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t(
        props.supplier ? "purchasingUi.suppliers.editTitle" : "purchasingUi.suppliers.newTitle",
      )}
      size="xl"
    >
      {opened ? <SupplierForm key={props.supplier?.id ?? "new"} {...props} /> : null}
    </Modal>
  );
}
