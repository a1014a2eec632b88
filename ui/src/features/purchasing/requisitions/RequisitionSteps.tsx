import { Button, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type RequisitionStep, requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { settingsKeys } from "../../../api/settings";
import { useNav } from "../../../app/nav";
import { useCan, useSession } from "../../../app/session";
import type { RequisitionView } from "../../../bindings/RequisitionView";
import type { PickOption } from "../../../kit/SearchPickers";
import { notifyError, useServerForm } from "../../../lib/useServerForm";
import { DateField } from "../../staff/parts";
import { SupplierMultiPicker, SupplierPicker } from "../SupplierPickers";
import { WORDING } from "./parts";

type Asking = "reject" | "order" | "quotes" | null;

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: requisitionKeys.all });
    qc.invalidateQueries({ queryKey: settingsKeys.attention });
  };
}

function RejectForm({ v, onClose }: { v: RequisitionView; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const r = v.requisition;
  const { form, showError } = useServerForm({ reason: "" }, { area: WORDING });
  const run = useMutation({
    mutationFn: (x: typeof form.values) =>
      requisitionsApi.move(r.id, r.version, "reject", x.reason),
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: t("requisitionsUi.done.reject") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((x) => run.mutate(x))} noValidate>
      <Stack>
        <Text size="sm">{t("requisitionsUi.rejectText")}</Text>
        <Textarea
          label={t("requisitionsUi.reasonLabel")}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
          data-testid="requisition-reject-reason"
        />
        <Button
          type="submit"
          color="red"
          loading={run.isPending}
          data-testid="requisition-reject-confirm"
        >
          {t("requisitionsUi.actions.reject")}
        </Button>
      </Stack>
    </form>
  );
}

function OrderForm({ v, onClose }: { v: RequisitionView; onClose: () => void }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const refresh = useRefresh();
  const r = v.requisition;
  const [supplier, setSupplier] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => requisitionsApi.makeOrder(r.id, r.version, Number(supplier)),
    onSuccess: (o) => {
      refresh();
      notifications.show({ color: "green", message: t("requisitionsUi.orderMade") });
      onClose();
      go({ page: "order", id: o.id, tab: "details" });
    },
    onError: (e) => notifyError(e, t, WORDING),
  });
  return (
    <Stack>
      <Text size="sm">{t("requisitionsUi.makeOrderText")}</Text>
      <SupplierPicker
        label={t("requisitionsUi.supplier")}
        withAsterisk
        value={supplier}
        onChange={setSupplier}
        currentLabel={null}
        data-testid="requisition-order-supplier"
      />
      <Button
        disabled={!supplier}
        loading={run.isPending}
        onClick={() => run.mutate()}
        data-testid="requisition-order-confirm"
      >
        {t("requisitionsUi.actions.makeOrder")}
      </Button>
    </Stack>
  );
}

function QuotesForm({ v, onClose }: { v: RequisitionView; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const r = v.requisition;
  const [suppliers, setSuppliers] = useState<PickOption[]>([]);
  const { form, showError } = useServerForm(
    { reply_by: null as string | null, supplier_ids: "" },
    { area: WORDING },
  );
  const run = useMutation({
    mutationFn: (x: typeof form.values) =>
      requisitionsApi.requestQuotes(r.id, r.version, {
        supplier_ids: suppliers.map((s) => Number(s.value)),
        reply_by: x.reply_by || null,
      }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: t("requisitionsUi.quotes.asked") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((x) => run.mutate(x))} noValidate data-testid="rfq-ask-form">
      <Stack>
        <Text size="sm">{t("requisitionsUi.quotes.askText")}</Text>
        <SupplierMultiPicker
          label={t("requisitionsUi.quotes.suppliers")}
          withAsterisk
          value={suppliers}
          onChange={setSuppliers}
          error={form.errors.supplier_ids}
          data-testid="rfq-suppliers"
        />
        <DateField
          field="reply_by"
          label={t("requisitionsUi.quotes.replyBy")}
          {...form.getInputProps("reply_by")}
        />
        <Button type="submit" loading={run.isPending} data-testid="rfq-ask-confirm">
          {t("requisitionsUi.quotes.ask")}
        </Button>
      </Stack>
    </form>
  );
}

/** The requisition's next steps the person may take, as buttons; Rust checks each again. */
export function RequisitionSteps({ v, onEdit }: { v: RequisitionView; onEdit: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const canWrite = useCan("purchasing", "write");
  const refresh = useRefresh();
  const [asking, setAsking] = useState<Asking>(null);
  const r = v.requisition;
  const step = useMutation({
    mutationFn: (s: RequisitionStep) => requisitionsApi.move(r.id, r.version, s),
    onSuccess: (_, s) => {
      refresh();
      notifications.show({ color: "green", message: t(`requisitionsUi.done.${s}`) });
    },
    onError: (e) => notifyError(e, t, WORDING),
  });
  const button = (s: RequisitionStep, filled = false, color?: string) => (
    <Button
      key={s}
      variant={filled ? "filled" : "default"}
      color={color}
      loading={step.isPending && step.variables === s}
      onClick={() => step.mutate(s)}
      data-testid={`requisition-${s}`}
    >
      {t(`requisitionsUi.actions.${s}`)}
    </Button>
  );
  const buttons = [];
  if (canWrite && r.status === "draft") {
    buttons.push(
      <Button key="edit" variant="default" onClick={onEdit} data-testid="requisition-edit">
        {t("common.edit")}
      </Button>,
    );
    buttons.push(button("submit", true));
  }
  if (canWrite && r.status === "submitted" && r.requested_by === session.user.id)
    buttons.push(button("withdraw"));
  if (v.can_approve) {
    buttons.push(button("approve", true, "teal"));
    buttons.push(
      <Button
        key="reject"
        variant="default"
        color="red"
        onClick={() => setAsking("reject")}
        data-testid="requisition-reject"
      >
        {t("requisitionsUi.actions.reject")}
      </Button>,
    );
  }
  if (canWrite && r.status === "rejected") buttons.push(button("rework"));
  if (canWrite && r.status === "approved") {
    buttons.push(
      <Button key="quotes" onClick={() => setAsking("quotes")} data-testid="requisition-quotes">
        {t("requisitionsUi.actions.requestQuotes")}
      </Button>,
    );
    buttons.push(
      <Button
        key="order"
        variant="default"
        onClick={() => setAsking("order")}
        data-testid="requisition-make-order"
      >
        {t("requisitionsUi.actions.makeOrder")}
      </Button>,
    );
  }
  const titles: Record<Exclude<Asking, null>, string> = {
    reject: t("requisitionsUi.rejectTitle"),
    order: t("requisitionsUi.makeOrderTitle"),
    quotes: t("requisitionsUi.quotes.askTitle"),
  };
  const close = () => setAsking(null);
  return (
    <>
      {buttons}
      <Modal opened={asking !== null} onClose={close} title={asking ? titles[asking] : ""}>
        {asking === "reject" && <RejectForm v={v} onClose={close} />}
        {asking === "order" && <OrderForm v={v} onClose={close} />}
        {asking === "quotes" && <QuotesForm v={v} onClose={close} />}
      </Modal>
    </>
  );
}
