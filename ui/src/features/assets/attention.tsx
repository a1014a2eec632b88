import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNav } from "../../app/nav";
import type { AttentionItem } from "../../bindings/AttentionItem";
import { formatDate } from "../../i18n/format";
import "./i18n-attention";

// How an IT item on Home's attention list is worded and opened: an asset opens its page, a
// maintenance task the maintenance plans, licences and stock the IT page.

type Reason = { kind: string; asset_id?: number | null; holder?: string; stock?: number };

export function useAssetReason(): (item: AttentionItem) => string {
  const { t, i18n } = useTranslation();
  return (item) => {
    const r = item.reason as unknown as Reason;
    const date = item.due ? formatDate(item.due, i18n.language) : "";
    return t(`assetAttention.${r.kind}`, { date, holder: r.holder ?? "", stock: r.stock ?? 0 });
  };
}

export function AssetAction({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const r = item.reason as unknown as Reason;
  const open = () => {
    if (item.entity === "assets") {
      go({
        page: "asset",
        id: item.record_id,
        tab: r.kind === "leaver_holds" ? "holders" : "details",
      });
    } else if (item.entity === "maintenance_plans" && r.asset_id) {
      go({ page: "asset", id: r.asset_id, tab: "work" });
    } else {
      memory.set("assets.view", item.entity === "maintenance_plans" ? "maintenance" : "inventory");
      go("assets");
    }
  };
  return (
    <Button size="xs" variant="light" onClick={open} data-testid="attention-open-asset">
      {t("assetAttention.open")}
    </Button>
  );
}
