import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconWand } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import { useNav } from "../../app/nav";
import type { Asset } from "../../bindings/Asset";
import type { AssetStatus } from "../../bindings/AssetStatus";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { useAllDepartments } from "../staff/catalog";
import { DateField } from "../staff/parts";
import { ASSET_STATUSES, categoryName, useAssetCategories, useLocations } from "./parts";
import "./i18n";
import { MONO } from "./parts";

/** Cents to the form's decimal amount, and back (rounded to the cent). */
const toAmount = (cents: number | null) => (cents === null ? "" : cents / 100);
const toCents = (v: number | string) =>
  v === "" || v === null ? null : Math.round(Number(v) * 100);

function AssetForm({ asset, onClose }: { asset: Asset | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const categories = useAssetCategories(true);
  const locations = useLocations();
  const departments = useAllDepartments();
  const { form, showError } = useServerForm(
    {
      tag: asset?.tag ?? "",
      name: asset?.name ?? "",
      category_id: asset ? String(asset.category_id) : (null as string | null),
      manufacturer: asset?.manufacturer ?? "",
      model: asset?.model ?? "",
      serial: asset?.serial ?? "",
      supplier_name: asset?.supplier_name ?? "",
      order_number: asset?.order_number ?? "",
      purchase_date: (asset?.purchase_date ?? null) as string | null,
      cost: toAmount(asset?.cost_cents ?? null) as number | string,
      currency: asset?.currency ?? "EUR",
      warranty_end: (asset?.warranty_end ?? null) as string | null,
      location_id: asset?.location_id ? String(asset.location_id) : (null as string | null),
      department_id: asset?.department_id ? String(asset.department_id) : (null as string | null),
      status: (asset?.status ?? "in_stock") as AssetStatus,
      status_date: (asset?.status_date ?? null) as string | null,
      notes: asset?.notes ?? "",
    },
    { area: "assets", alias: { cost_cents: "cost" } },
  );
  const suggest = async (categoryId: string | null) => {
    if (!categoryId) return;
    try {
      form.setFieldValue("tag", await assetsApi.nextTag(Number(categoryId)));
    } catch (e) {
      showError(e);
    }
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      assetsApi.save(asset?.id ?? null, asset?.version ?? 0, {
        tag: v.tag,
        name: v.name,
        category_id: v.category_id ? Number(v.category_id) : 0,
        manufacturer: orNull(v.manufacturer),
        model: orNull(v.model),
        serial: orNull(v.serial),
        supplier_name: orNull(v.supplier_name),
        order_number: orNull(v.order_number),
        purchase_date: v.purchase_date,
        cost_cents: toCents(v.cost),
        currency: orNull(v.currency),
        warranty_end: v.warranty_end,
        location_id: v.location_id ? Number(v.location_id) : null,
        department_id: v.department_id ? Number(v.department_id) : null,
        status: v.status,
        status_date: v.status_date,
        notes: orNull(v.notes),
      }),
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t(asset ? "assets.saved" : "assets.created") });
      onClose();
      if (!asset) go({ page: "asset", id: a.id });
    },
    onError: showError,
  });
  const label = (f: string) => t(`assets.fields.${f}`);
  // A new asset goes into stock or repair; it goes into use by a check-out.
  const statuses = ASSET_STATUSES.filter((s) => s !== "in_use" || asset?.status === "in_use").map(
    (s) => ({ value: s, label: t(`assets.status.${s}`) }),
  );
  const gone = form.values.status === "retired" || form.values.status === "lost";
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="asset-form">
      <Stack>
        <Group grow align="flex-start">
          <Select
            label={label("category")}
            withAsterisk
            data={(categories.data ?? [])
              .filter((c) => c.active || String(c.id) === form.values.category_id)
              .map((c) => ({ value: String(c.id), label: categoryName(c, i18n.language) }))}
            {...form.getInputProps("category_id")}
            onChange={(v) => {
              form.setFieldValue("category_id", v);
              if (!asset && form.values.tag === "") void suggest(v);
            }}
            data-testid="asset-category"
          />
          <TextInput
            label={label("tag")}
            withAsterisk
            styles={MONO}
            {...form.getInputProps("tag")}
            name="tag"
            rightSection={
              <Tooltip label={t("assets.suggestTag")}>
                <ActionIcon
                  variant="subtle"
                  disabled={!form.values.category_id}
                  onClick={() => void suggest(form.values.category_id)}
                  aria-label={t("assets.suggestTag")}
                  data-testid="asset-suggest-tag"
                >
                  <IconWand size={16} />
                </ActionIcon>
              </Tooltip>
            }
          />
        </Group>
        <TextInput label={label("name")} withAsterisk {...form.getInputProps("name")} name="name" />
        <Group grow align="flex-start">
          <TextInput label={label("manufacturer")} {...form.getInputProps("manufacturer")} />
          <TextInput label={label("model")} {...form.getInputProps("model")} />
          <TextInput label={label("serial")} {...form.getInputProps("serial")} name="serial" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={label("supplier_name")} {...form.getInputProps("supplier_name")} />
          <TextInput label={label("order_number")} {...form.getInputProps("order_number")} />
        </Group>
        <Group grow align="flex-start">
          <DateField
            field="purchase_date"
            label={label("purchase_date")}
            {...form.getInputProps("purchase_date")}
          />
          <NumberInput
            label={label("cost")}
            decimalScale={2}
            fixedDecimalScale
            min={0}
            thousandSeparator={i18n.language.startsWith("it") ? "." : ","}
            decimalSeparator={i18n.language.startsWith("it") ? "," : "."}
            {...form.getInputProps("cost")}
            name="cost"
          />
          <TextInput label={label("currency")} maxLength={3} {...form.getInputProps("currency")} />
          <DateField
            field="warranty_end"
            label={label("warranty_end")}
            {...form.getInputProps("warranty_end")}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={label("location")}
            searchable
            clearable
            data={(locations.data ?? []).map((l) => ({ value: String(l.id), label: l.path }))}
            {...form.getInputProps("location_id")}
            data-testid="asset-location"
          />
          <Select
            label={label("department")}
            searchable
            clearable
            data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
            {...form.getInputProps("department_id")}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={label("status")}
            allowDeselect={false}
            data={statuses}
            {...form.getInputProps("status")}
            data-testid="asset-status-input"
          />
          {gone && (
            <DateField
              field="status_date"
              label={label("status_date")}
              withAsterisk
              {...form.getInputProps("status_date")}
            />
          )}
        </Group>
        <Textarea label={label("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="asset-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AssetFormModal({
  opened,
  asset,
  onClose,
}: {
  opened: boolean;
  asset: Asset | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(asset ? "assets.editTitle" : "assets.newTitle")}
      size="xl"
    >
      {opened && <AssetForm asset={asset} onClose={onClose} />}
    </Modal>
  );
}
