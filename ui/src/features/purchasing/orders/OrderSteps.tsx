import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrderStep, orderKeys, ordersApi } from "../../../api/orders";
import { settingsKeys } from "../../../api/settings";
import { useCan, useSession } from "../../../app/session";
import type { ApproverRole } from "../../../bindings/ApproverRole";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { ReasonModal } from "../../../kit/ReasonModal";
import { notifyError } from "../../../lib/useServerForm";
import "../i18n";

const RANK: Record<ApproverRole, number> = { purchasing: 1, manager: 2, admin: 3 };

/** The person's best approving role, as Rust ranks them. */
function useApproverRank(): number {
  const { session } = useSession();
  return Math.max(
    0,
    ...session.user.roles.map((r) =>
      r === "admin" ? 3 : r === "manager" ? 2 : r === "purchasing" ? 1 : 0,
    ),
  );
}

function useStep(o: PurchaseOrder, step: OrderStep, after?: () => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | null) => ordersApi.move(o.id, o.version, step, reason),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: orderKeys.all });
      qc.invalidateQueries({ queryKey: settingsKeys.attention });
      notifications.show({ color: "green", message: t(`purchasingUi.orders.done.${step}`) });
      after?.();
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
}

/** The order's next steps the person may take, as buttons; Rust checks each again. */
export function OrderSteps({ o }: { o: PurchaseOrder }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { session } = useSession();
  const canWrite = useCan("purchasing", "write");
  const rank = useApproverRank();
  const [asking, setAsking] = useState<"send_back" | "cancel" | null>(null);
  const submit = useStep(o, "submit");
  const approve = useStep(o, "approve");
  const markSent = useStep(o, "mark_sent");
  const need = o.approval;
  const mine = o.requested_by === session.user.id;
  const approvedByMe = o.approvals.some((a) => a.user_id === session.user.id);
  const mayApprove =
    o.status === "pending_approval" &&
    need !== null &&
    !mine &&
    !approvedByMe &&
    rank >= RANK[need.required_role];
  const button = (step: OrderStep, onClick: () => void, loading = false, color?: string) => (
    <Button
      key={step}
      variant={step === "approve" || step === "submit" ? "filled" : "default"}
      color={color}
      onClick={onClick}
      loading={loading}
      data-testid={`order-${step.replace("_", "-")}`}
    >
      {t(`purchasingUi.orders.actions.${step}`)}
    </Button>
  );
  const pdf = useMutation({
    mutationFn: () =>
      ordersApi.pdf(
        o.id,
        i18n.language,
        t("purchasingUi.orders.pdfTitle"),
        `${o.number ?? t("purchasingUi.orders.draftFile")}.pdf`,
      ),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: orderKeys.all });
      notifications.show({
        color: r.is_final ? "green" : "yellow",
        message: t(r.is_final ? "purchasingUi.orders.pdfSaved" : "purchasingUi.orders.pdfDraft", {
          pages: r.pages,
        }),
      });
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  const buttons = [];
  if (o.status !== "cancelled") {
    buttons.push(
      <Button
        key="pdf"
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        onClick={() => pdf.mutate()}
        loading={pdf.isPending}
        data-testid="order-pdf"
      >
        {t("purchasingUi.orders.pdf")}
      </Button>,
    );
  }
  if (canWrite && o.status === "draft")
    buttons.push(button("submit", () => submit.mutate(null), submit.isPending));
  if (mayApprove) {
    buttons.push(button("approve", () => approve.mutate(null), approve.isPending, "teal"));
    buttons.push(button("send_back", () => setAsking("send_back")));
  }
  if (canWrite && o.status === "approved")
    buttons.push(button("mark_sent", () => markSent.mutate(null), markSent.isPending));
  if (canWrite && ["draft", "pending_approval", "approved", "sent"].includes(o.status)) {
    buttons.push(button("cancel", () => setAsking("cancel"), false, "red"));
  }
  // The step the dialog asks a reason for (its words stay while it closes).
  const step = asking ?? "cancel";
  return (
    <>
      {buttons}
      <ReasonModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        words={{
          title: t(`purchasingUi.orders.reasonTitle.${step}`),
          text: t(`purchasingUi.orders.reasonText.${step}`),
          label: t("purchasingUi.orders.reason"),
          confirm: t(`purchasingUi.orders.actions.${step}`),
        }}
        run={(reason) => ordersApi.move(o.id, o.version, step, reason)}
        onDone={() => {
          qc.invalidateQueries({ queryKey: orderKeys.all });
          notifications.show({ color: "green", message: t(`purchasingUi.orders.done.${step}`) });
        }}
        area="purchasing"
        testId={{ reason: "order-reason", confirm: "order-reason-confirm" }}
      />
    </>
  );
}
