import { Group, NumberInput, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { AssetCategory } from "../../bindings/AssetCategory";
import { PercentCell } from "../../kit/listCells";
import { RetiredEntryForm } from "../../kit/RetiredEntryForm";
import { RetiredListPanel, retiredListWords } from "../../kit/RetiredListPanel";
import { orNull } from "../../lib/useServerForm";
import { categoryName, useAssetCategories } from "./parts";
import "./i18n";
import { MONO } from "./parts";

function CategoryForm({ c, onClose }: { c: AssetCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const label = (f: string) => t(`assets.categories.${f}`);
  return (
    <RetiredEntryForm
      initial={{
        name_it: c?.name_it ?? "",
        name_en: c?.name_en ?? "",
        tag_pattern: c?.tag_pattern ?? "",
        depreciation: (c ? c.depreciation_bp / 100 : 20) as number | string,
      }}
      options={{ area: "assets", alias: { depreciation_bp: "depreciation" } }}
      save={(v) =>
        assetsApi.saveCategory(c?.id ?? null, c?.version ?? 0, {
          name_it: v.name_it,
          name_en: orNull(v.name_en),
          tag_pattern: v.tag_pattern,
          depreciation_bp: Math.round(Number(v.depreciation || 0) * 100),
        })
      }
      onSaved={() => {
        qc.invalidateQueries({ queryKey: assetKeys.all });
        notifications.show({ color: "green", message: t("assets.categories.saved") });
      }}
      onClose={onClose}
      labels={{ name_it: label("name_it"), name_en: label("name_en") }}
    >
      {(form) => (
        <Group grow align="flex-start">
          <TextInput
            label={label("tag_pattern")}
            description={label("tagPatternHelp")}
            withAsterisk
            styles={MONO}
            {...form.getInputProps("tag_pattern")}
          />
          <NumberInput
            label={label("depreciation")}
            min={0}
            max={100}
            decimalScale={2}
            {...form.getInputProps("depreciation")}
          />
        </Group>
      )}
    </RetiredEntryForm>
  );
}

/** The categories assets are filed under, with the shape of their tags and their depreciation. */
export function CategoriesPanel({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const w = (k: string) => t(`assets.categories.${k}`);
  return (
    <RetiredListPanel<AssetCategory>
      testId="asset-categories"
      useEntries={useAssetCategories}
      nameOf={(c) => categoryName(c, i18n.language)}
      columns={[
        { title: w("tag_pattern"), cell: (c) => <Text ff="monospace">{c.tag_pattern}</Text> },
        { title: w("depreciation"), cell: (c) => <PercentCell bp={c.depreciation_bp} /> },
      ]}
      toggle={(c) => assetsApi.setCategoryActive(c.id, c.version, !c.active)}
      onToggled={() => qc.invalidateQueries({ queryKey: assetKeys.all })}
      form={(c, onClose) => <CategoryForm c={c} onClose={onClose} />}
      canWrite={canWrite}
      area="assets"
      words={retiredListWords(w, {
        name: t("assets.fields.category"),
        retired: w("retire"),
        empty: t("common.none"),
      })}
    />
  );
}
