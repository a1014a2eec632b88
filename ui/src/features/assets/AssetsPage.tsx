import { Button, Card, Group, Loader, SegmentedControl } from "@mantine/core";
import { IconFileImport, IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys } from "../../api/assets";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan, useSession } from "../../app/session";
import { ImportDialog } from "../import/ImportDialog";
import { AssetFormModal } from "./AssetForm";
import { AssetList } from "./AssetList";
import { CategoriesPanel } from "./CategoriesPanel";
import { ImportButton } from "./ImportButton";
import { LocationsPanel } from "./LocationsPanel";
import { ConsumablesView } from "./licences/ConsumablesView";
import { LicencesView } from "./licences/LicencesView";
import { MaintenanceView } from "./maintenance/MaintenanceView";
import { NetworksView } from "./network/NetworksView";
import "./i18n";

// The reports carry charts and tables nobody needs until they open them: their own chunk.
const ReportsView = lazy(() => import("./reports/ReportsView"));

type View =
  | "inventory"
  | "maintenance"
  | "networks"
  | "software"
  | "consumables"
  | "locations"
  | "categories"
  | "reports";
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
  const { session } = useSession();
  // Those who see the whole inventory: IT and administrators, accounting and purchasing.
  const wholeInventory =
    canWrite || session.user.roles.some((r) => r === "accounting" || r === "purchasing");
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const qc = useQueryClient();
  return (
    <>
      <PageHeader
        title={t("assets.title")}
        subtitle={t("assets.subtitle")}
        actions={
          canWrite ? (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
                data-testid="asset-import"
              >
                {t("assets.import")}
              </Button>
              <ImportButton
                area="it_users"
                label={t("assets.importUsers")}
                testId="it-users-import"
              />
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setAdding(true)}
                data-testid="asset-new"
              >
                {t("assets.new")}
              </Button>
            </Group>
          ) : null
        }
      />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as View)}
        data={(
          [
            "inventory",
            "maintenance",
            "networks",
            "software",
            "consumables",
            "locations",
            "categories",
            "reports",
          ] as const
        ).map((v) => ({
          value: v,
          label: t(`assets.views.${v}`),
        }))}
        data-testid="assets-view"
      />
      {view === "maintenance" ? (
        <MaintenanceView />
      ) : view === "reports" ? (
        <Suspense fallback={<Loader size="sm" />}>
          <ReportsView wholeInventory={wholeInventory} onSoftware={() => setView("software")} />
        </Suspense>
      ) : (
        <Card>
          {view === "inventory" && <AssetList canWrite={canWrite} />}
          {view === "networks" && <NetworksView canWrite={canWrite} />}
          {view === "software" && <LicencesView canWrite={canWrite} />}
          {view === "consumables" && <ConsumablesView canWrite={canWrite} />}
          {view === "locations" && <LocationsPanel canWrite={canWrite} />}
          {view === "categories" && <CategoriesPanel canWrite={canWrite} />}
        </Card>
      )}
      <AssetFormModal opened={adding} asset={null} onClose={() => setAdding(false)} />
      <ImportDialog
        area="assets"
        opened={importing}
        onClose={() => {
          setImporting(false);
          qc.invalidateQueries({ queryKey: assetKeys.all });
        }}
      />
    </>
  );
}
