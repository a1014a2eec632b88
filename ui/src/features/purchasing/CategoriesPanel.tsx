import { Button, Card, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { useCan } from "../../app/session";
import type { PurchaseCategory } from "../../bindings/PurchaseCategory";
import { RetiredListPanel } from "../../kit/RetiredListPanel";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { categoryLabel } from "./parts";
import "./i18n";

function CategoryForm({ c, onClose }: { c: PurchaseCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      name_it: c?.name_it ?? "",
      name_en: c?.name_en ?? "",
      over_receipt: (c ? c.over_receipt_bp / 100 : 0) as number | string,
    },
    { area: "purchasing", alias: { over_receipt_bp: "over_receipt" } },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      purchasingApi.saveCategory(c?.id ?? null, c?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        over_receipt_bp: Math.round(Number(v.over_receipt || 0) * 100),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.categories.saved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`purchasingUi.categories.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label={label("name_it")} withAsterisk {...form.getInputProps("name_it")} />
        <TextInput label={label("name_en")} {...form.getInputProps("name_en")} />
        <NumberInput
          label={label("over_receipt")}
          description={label("overReceiptHelp")}
          min={0}
          max={50}
          decimalScale={2}
          suffix=" %"
          {...form.getInputProps("over_receipt")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Purchase categories, the retired too when asked. */
function usePurchaseCategories(withRetired: boolean) {
  return useQuery({
    queryKey: purchasingKeys.categories(withRetired),
    queryFn: () => purchasingApi.categories(withRetired),
  });
}

/** The kinds of goods and services bought, each with its over-receipt tolerance. */
export function CategoriesPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("purchasing", "write");
  const w = (k: string) => t(`purchasingUi.categories.${k}`);
  return (
    <Card>
      <RetiredListPanel<PurchaseCategory>
        testId="purchase-categories"
        useEntries={usePurchaseCategories}
        nameOf={(c) => categoryLabel(c, i18n.language)}
        columns={[
          {
            title: w("over_receipt"),
            cell: (c) => (
              <Text size="sm">{(c.over_receipt_bp / 100).toLocaleString(i18n.language)} %</Text>
            ),
          },
        ]}
        toggle={(c) => purchasingApi.setCategoryActive(c.id, c.version, !c.active)}
        onToggled={() => qc.invalidateQueries({ queryKey: purchasingKeys.all })}
        form={(c, onClose) => <CategoryForm c={c} onClose={onClose} />}
        canWrite={canWrite}
        area="purchasing"
        words={{
          name: t("purchasingUi.fields.category_ids"),
          showRetired: w("showRetired"),
          add: w("new"),
          newTitle: w("newTitle"),
          editTitle: w("editTitle"),
          retire: w("retire"),
          restore: w("restore"),
          retired: w("retired"),
          empty: w("empty"),
        }}
      />
    </Card>
  );
}
