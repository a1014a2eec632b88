import { Button, Card, SegmentedControl } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan } from "../../app/session";
import { AssetFormModal } from "./AssetForm";
import { AssetList } from "./AssetList";
import { CategoriesPanel } from "./CategoriesPanel";
import { LocationsPanel } from "./LocationsPanel";
import { MaintenanceView } from "./maintenance/MaintenanceView";
import { NetworksView } from "./network/NetworksView";
import "./i18n";

type View = "inventory" | "maintenance" | "networks" | "locations" | "categories";
const VIEW_KEY = "assets.view";

/** The IT area: the inventory, the places assets are kept, and their categories. */
export function AssetsPage() {
  const { t } = useTranslation();
  const { memory } = useNav();
  const [view, setViewState] = useState<View>(
    (memory.get(VIEW_KEY) as View | undefined) ?? "inventory",
  );
  const setView = (v: View) => {
    memory.set(VIEW_KEY, v);
    setViewState(v);
  };
  const canWrite = useCan("assets", "write");
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t("assets.title")}
        subtitle={t("assets.subtitle")}
        actions={
          canWrite ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(true)}
              data-testid="asset-new"
            >
              {t("assets.new")}
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as View)}
        data={(["inventory", "maintenance", "networks", "locations", "categories"] as const).map(
          (v) => ({
            value: v,
            label: t(`assets.views.${v}`),
          }),
        )}
        data-testid="assets-view"
      />
      <Card>
        {view === "inventory" && <AssetList canWrite={canWrite} />}
        {view === "maintenance" && <MaintenanceView />}
        {view === "networks" && <NetworksView canWrite={canWrite} />}
        {view === "locations" && <LocationsPanel canWrite={canWrite} />}
        {view === "categories" && <CategoriesPanel canWrite={canWrite} />}
      </Card>
      <AssetFormModal opened={adding} asset={null} onClose={() => setAdding(false)} />
    </>
  );
}
