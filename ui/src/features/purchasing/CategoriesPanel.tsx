import { Card, NumberInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { useCan } from "../../app/session";
import type { PurchaseCategory } from "../../bindings/PurchaseCategory";
import { PercentCell } from "../../kit/listCells";
import { RetiredEntryForm } from "../../kit/RetiredEntryForm";
import { RetiredListPanel, retiredListWords } from "../../kit/RetiredListPanel";
import { orNull } from "../../lib/useServerForm";
import { categoryLabel } from "./parts";
import "./i18n";

function CategoryForm({ c, onClose }: { c: PurchaseCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const label = (f: string) => t(`purchasingUi.categories.${f}`);
  return (
    <RetiredEntryForm
      initial={{
        name_it: c?.name_it ?? "",
        name_en: c?.name_en ?? "",
        over_receipt: (c ? c.over_receipt_bp / 100 : 0) as number | string,
      }}
      options={{ area: "purchasing", alias: { over_receipt_bp: "over_receipt" } }}
      save={(v) =>
        purchasingApi.saveCategory(c?.id ?? null, c?.version ?? 0, {
          name_it: v.name_it,
          name_en: orNull(v.name_en),
          over_receipt_bp: Math.round(Number(v.over_receipt || 0) * 100),
        })
      }
      onSaved={() => {
        qc.invalidateQueries({ queryKey: purchasingKeys.all });
        notifications.show({ color: "green", message: t("purchasingUi.categories.saved") });
      }}
      onClose={onClose}
      labels={{ name_it: label("name_it"), name_en: label("name_en") }}
    >
      {(form) => (
        <NumberInput
          label={label("over_receipt")}
          description={label("overReceiptHelp")}
          min={0}
          max={50}
          decimalScale={2}
          suffix=" %"
          {...form.getInputProps("over_receipt")}
        />
      )}
    </RetiredEntryForm>
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
          { title: w("over_receipt"), cell: (c) => <PercentCell bp={c.over_receipt_bp} /> },
        ]}
        toggle={(c) => purchasingApi.setCategoryActive(c.id, c.version, !c.active)}
        onToggled={() => qc.invalidateQueries({ queryKey: purchasingKeys.all })}
        form={(c, onClose) => <CategoryForm c={c} onClose={onClose} />}
        canWrite={canWrite}
        area="purchasing"
        words={retiredListWords(w, { name: t("purchasingUi.fields.category_ids") })}
      />
    </Card>
  );
}
