import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { licenceKeys, licencesApi } from "../../../api/licences";
import type { SoftwareProduct } from "../../../bindings/SoftwareProduct";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import "./i18n";

function ProductForm({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved?: (p: SoftwareProduct) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    { name: "", publisher: "", product_version: "", notes: "" },
    { area: "licences" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      licencesApi.saveProduct(null, 0, {
        name: v.name,
        publisher: orNull(v.publisher),
        product_version: orNull(v.product_version),
        notes: orNull(v.notes),
      }),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: licenceKeys.all });
      notifications.show({ color: "green", message: t("licences.product.created") });
      onClose();
      onSaved?.(p);
    },
    onError: showError,
  });
  const label = (f: string) => t(`licences.product.${f}`);
  return (
    <form
      onSubmit={(e) => {
        // The form may open over the licence form: its submit must not reach that one.
        e.stopPropagation();
        form.onSubmit((v) => save.mutate(v))(e);
      }}
      noValidate
      data-testid="product-form"
    >
      <Stack>
        <TextInput
          label={label("name")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("name")}
          data-testid="product-name"
        />
        <Group grow align="flex-start">
          <TextInput
            label={label("publisher")}
            {...form.getInputProps("publisher")}
            data-testid="product-publisher"
          />
          <TextInput
            label={label("version")}
            {...form.getInputProps("product_version")}
            data-testid="product-version"
          />
        </Group>
        <Textarea label={label("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="product-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export type ProductFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** After a save, with the product as Rust returned it (e.g. to pick it in a licence). */
  onSaved?: (product: SoftwareProduct) => void;
};

/** Adds a software product (name, publisher, version) that licences are then bought for. */
export function ProductFormModal({ opened, onClose, onSaved }: ProductFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("licences.product.title")}>
      {opened && <ProductForm onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}
