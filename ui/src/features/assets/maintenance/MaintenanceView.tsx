import { Button, Card, Group, SegmentedControl } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRemembered } from "../../../app/nav";
import { useCan } from "../../../app/session";
import { Calendar } from "./Calendar";
import { Compliance } from "./Compliance";
import { PlanDrawer } from "./PlanDrawer";
import { PlanFormModal } from "./PlanForm";
import { PlanList } from "./PlanList";
import "./i18n";

type View = "plans" | "calendar" | "compliance";
const VIEWS: View[] = ["plans", "calendar", "compliance"];

/**
 * The Assets page's maintenance tab: the plans, the month calendar and on-time figures; any of
 * them opens a plan in a panel beside it.
 */
export function MaintenanceView() {
  const { t } = useTranslation();
  const canWrite = useCan("assets", "write");
  const [view, setView] = useRemembered<View>("assets.maintenance.view", "plans");
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Group justify="space-between" mb="md">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as View)}
          data={VIEWS.map((v) => ({ value: v, label: t(`maintenance.views.${v}`) }))}
          data-testid="maintenance-view"
        />
        {canWrite && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="plan-new"
          >
            {t("maintenance.new")}
          </Button>
        )}
      </Group>
      <Card>
        {view === "plans" && <PlanList canWrite={canWrite} onOpen={setOpen} />}
        {view === "calendar" && <Calendar onOpen={setOpen} />}
        {view === "compliance" && <Compliance onOpen={setOpen} />}
      </Card>
      <PlanFormModal
        opened={adding}
        plan={null}
        onClose={() => setAdding(false)}
        onSaved={(p) => setOpen(p.id)}
      />
      <PlanDrawer planId={open} onClose={() => setOpen(null)} />
    </>
  );
}
