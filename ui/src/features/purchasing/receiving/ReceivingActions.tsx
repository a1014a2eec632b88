import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPackageImport } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { orderKeys } from "../../../api/orders";
import { receiptsApi } from "../../../api/receipts";
import { useCan } from "../../../app/session";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { ReceiveModal } from "./ReceiveModal";
import "../i18n-receiving";

/** Orders goods may arrive against; Rust refuses the others whatever the screen shows. */
const RECEIVABLE = ["approved", "sent", "partly_received"];
const CLOSABLE = ["partly_received", "received"];

function CloseForm({ o, onClose }: { o: PurchaseOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm({ reason: "" }, { area: "receiving" });
  const run = useMutation({
    mutationFn: (v: typeof form.values) => receiptsApi.close(o.id, o.version, orNull(v.reason)),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: orderKeys.all });
      notifications.show({ color: "green", message: t("receiving.closed") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => run.mutate(v))} noValidate>
      <Stack>
        <Text size="sm">{t("receiving.closeText")}</Text>
        <Textarea
          label={t("receiving.reasonLabel")}
          withAsterisk={o.status === "partly_received"}
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
          data-testid="order-close-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={run.isPending} data-testid="order-close-confirm">
            {t("receiving.close")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Receive goods" and "Close order" on the order's page, for those who write purchasing. */
export function ReceivingActions({ o }: { o: PurchaseOrder }) {
  const { t } = useTranslation();
  const canWrite = useCan("purchasing", "write");
  const [open, setOpen] = useState<"receive" | "close" | null>(null);
  if (!canWrite) return null;
  return (
    <>
      {RECEIVABLE.includes(o.status) && (
        <Button
          leftSection={<IconPackageImport size={16} />}
          onClick={() => setOpen("receive")}
          data-testid="order-receive"
        >
          {t("receiving.receive")}
        </Button>
      )}
      {CLOSABLE.includes(o.status) && (
        <Button variant="default" onClick={() => setOpen("close")} data-testid="order-close">
          {t("receiving.close")}
        </Button>
      )}
      <ReceiveModal o={o} opened={open === "receive"} onClose={() => setOpen(null)} />
      <Modal
        opened={open === "close"}
        onClose={() => setOpen(null)}
        title={t("receiving.closeTitle")}
      >
        {open === "close" ? <CloseForm o={o} onClose={() => setOpen(null)} /> : null}
      </Modal>
    </>
  );
}
