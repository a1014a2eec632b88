import { Button, Modal, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTool } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import { useCan } from "../../../app/session";
import { WorkForm } from "./WorkForm";
import { WorkLog } from "./WorkLog";
import "./i18n";

export type LogWorkModalProps = {
  assetId: number;
  /** How the title names the asset ("PC-00012 · Reception PC"). */
  assetName: string;
  opened: boolean;
  onClose: () => void;
};

/** Records unplanned work on one asset (a repair, a replaced part). */
export function LogWorkModal({ assetId, assetName, opened, onClose }: LogWorkModalProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("maintenance.logWork.title", { name: assetName })}
      size="lg"
    >
      {opened && (
        <WorkForm
          checklist={[]}
          askAsset={false}
          submit={(input) => maintenanceApi.logWork(assetId, input)}
          onDone={() => {
            qc.invalidateQueries({ queryKey: maintenanceKeys.all });
            notifications.show({ color: "green", message: t("maintenance.logWork.done") });
            onClose();
          }}
          onCancel={onClose}
          submitLabel={t("maintenance.complete.save")}
        />
      )}
    </Modal>
  );
}

export type AssetMaintenanceProps = {
  assetId: number;
  assetName: string;
};

/** An asset's page tab: all work done on it, planned or not, and a button to log more. */
export function AssetMaintenance({ assetId, assetName }: AssetMaintenanceProps) {
  const { t } = useTranslation();
  const canWrite = useCan("assets", "write");
  const [logging, setLogging] = useState(false);
  return (
    <Stack data-testid="asset-maintenance">
      <WorkLog
        owner={{ assetId }}
        action={
          canWrite ? (
            <Button
              size="xs"
              leftSection={<IconTool size={14} />}
              onClick={() => setLogging(true)}
              data-testid="asset-log-work"
            >
              {t("maintenance.logWork.action")}
            </Button>
          ) : null
        }
      />
      <LogWorkModal
        assetId={assetId}
        assetName={assetName}
        opened={logging}
        onClose={() => setLogging(false)}
      />
    </Stack>
  );
}
