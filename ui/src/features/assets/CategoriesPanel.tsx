import { Button, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { AssetCategory } from "../../bindings/AssetCategory";
import { RetiredListPanel } from "../../kit/RetiredListPanel";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { categoryName, useAssetCategories } from "./parts";
import "./i18n";
import { MONO } from "./parts";

function CategoryForm({ c, onClose }: { c: AssetCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      name_it: c?.name_it ?? "",
      name_en: c?.name_en ?? "",
      tag_pattern: c?.tag_pattern ?? "",
      depreciation: (c ? c.depreciation_bp / 100 : 20) as number | string,
    },
    { area: "assets", alias: { depreciation_bp: "depreciation" } },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      assetsApi.saveCategory(c?.id ?? null, c?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        tag_pattern: v.tag_pattern,
        depreciation_bp: Math.round(Number(v.depreciation || 0) * 100),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("assets.categories.saved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`assets.categories.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label={label("name_it")} withAsterisk {...form.getInputProps("name_it")} />
        <TextInput label={label("name_en")} {...form.getInputProps("name_en")} />
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
        {
          title: w("depreciation"),
          cell: (c) => (
            <Text size="sm">{(c.depreciation_bp / 100).toLocaleString(i18n.language)} %</Text>
          ),
        },
      ]}
      toggle={(c) => assetsApi.setCategoryActive(c.id, c.version, !c.active)}
      onToggled={() => qc.invalidateQueries({ queryKey: assetKeys.all })}
      form={(c, onClose) => <CategoryForm c={c} onClose={onClose} />}
      canWrite={canWrite}
      area="assets"
      words={{
        name: t("assets.fields.category"),
        showRetired: w("showRetired"),
        add: w("new"),
        newTitle: w("newTitle"),
        editTitle: w("editTitle"),
        retire: w("retire"),
        restore: w("restore"),
        retired: w("retire"),
        empty: t("common.none"),
      }}
    />
  );
}
