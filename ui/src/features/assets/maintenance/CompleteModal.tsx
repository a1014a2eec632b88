import { Modal } from "@mantine/core";
import { type NotificationData, notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import type { MaintenancePlan } from "../../../bindings/MaintenancePlan";
import { formatDate } from "../../../i18n/format";
import { notifyError } from "../../../lib/useServerForm";
import { WorkForm } from "./WorkForm";
import "./i18n";

export type CompleteModalProps = {
  /** The plan as last read: its version guards against a change made meanwhile. */
  plan: MaintenancePlan;
  opened: boolean;
  onClose: () => void;
};

/**
 * Records a plan's task as done (or partly, or failed) and tells the new next due date, read
 * back from the plan once Rust has moved it on.
 */
export function CompleteModal({ plan, opened, onClose }: CompleteModalProps) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const done = async () => {
    onClose();
    await qc.invalidateQueries({ queryKey: maintenanceKeys.all });
    try {
      const p = await qc.fetchQuery({
        queryKey: maintenanceKeys.plan(plan.id),
        queryFn: () => maintenanceApi.get(plan.id),
        // The refresh above has just read it when the plan's panel is open.
        staleTime: 5_000,
      });
      const date = formatDate(p.next_due_on, i18n.language);
      const moved = p.next_due_on !== plan.next_due_on;
      const note: NotificationData & Record<`data-${string}`, string> = {
        color: "green",
        message: t(moved ? "maintenance.complete.done" : "maintenance.complete.notMoved", { date }),
        // Read by end-to-end tests: the plan's new next due date.
        "data-testid": "work-saved",
        "data-due": p.next_due_on,
      };
      notifications.show(note);
    } catch (e) {
      notifyError(e, t, "maintenance");
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("maintenance.complete.title", { title: plan.title })}
      size="lg"
    >
      {opened && (
        <WorkForm
          checklist={plan.checklist}
          askAsset={plan.target.kind !== "asset"}
          submit={(input) => maintenanceApi.complete(plan.id, plan.version, input)}
          onDone={() => void done()}
          onCancel={onClose}
          submitLabel={t("maintenance.complete.save")}
        />
      )}
    </Modal>
  );
}
