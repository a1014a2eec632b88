import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBan, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import type { Supplier } from "../../bindings/Supplier";
import { ReasonModal } from "../../kit/ReasonModal";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

/** Blocks the supplier (asking why) or lifts the block. */
export function BlockButton({ s }: { s: Supplier }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const unblock = useMutation({
    mutationFn: () => purchasingApi.setBlocked(s.id, s.version, null),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.suppliers.unblocked") });
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  if (s.status === "blocked") {
    return (
      <Button
        variant="default"
        leftSection={<IconCircleCheck size={16} />}
        onClick={() => unblock.mutate()}
        loading={unblock.isPending}
        data-testid="supplier-unblock"
      >
        {t("purchasingUi.suppliers.unblock")}
      </Button>
    );
  }
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconBan size={16} />}
        onClick={() => setOpen(true)}
        data-testid="supplier-block"
      >
        {t("purchasingUi.suppliers.block")}
      </Button>
      <ReasonModal
        opened={open}
        onClose={() => setOpen(false)}
        words={{
          title: t("purchasingUi.suppliers.blockTitle"),
          text: t("purchasingUi.suppliers.blockText"),
          label: t("purchasingUi.fields.reason"),
          confirm: t("purchasingUi.suppliers.block"),
        }}
        run={(reason) => purchasingApi.setBlocked(s.id, s.version, reason)}
        onDone={() => {
          qc.invalidateQueries({ queryKey: purchasingKeys.all });
          notifications.show({ color: "green", message: t("purchasingUi.suppliers.blocked") });
        }}
        area="purchasing"
        testId={{ reason: "supplier-block-reason", confirm: "supplier-block-confirm" }}
      />
    </>
  );
}
