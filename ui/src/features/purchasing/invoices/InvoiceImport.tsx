import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChosenInvoices, invoiceKeys, invoicesApi } from "../../../api/invoices";
import { purchasingKeys } from "../../../api/purchasing";
import { useNav } from "../../../app/nav";
import type { InvoiceImportOutcome } from "../../../bindings/InvoiceImportOutcome";
import type { InvoiceKey } from "../../../bindings/InvoiceKey";
import { notifyError } from "../../../lib/useServerForm";
import { type Assigned, assignable, assignKey, FileCard } from "./ImportFileCard";
import "./i18n";

type Props = { chosen: ChosenInvoices | null; onClose: () => void };

/** Step 1's report per file, the suppliers to create, and step 2: import on confirm. */
export function InvoiceImportModal({ chosen, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const preview = chosen?.preview;
  const [skipped, setSkipped] = useState<string[]>([]);
  const [assigned, setAssigned] = useState<Assigned>({});
  const [outcome, setOutcome] = useState<InvoiceImportOutcome | null>(null);
  const onAssign = (key: InvoiceKey, supplierId: string | null) =>
    setAssigned((a) => {
      const next = { ...a };
      const k = assignKey(key.file_index, key.body_index);
      if (supplierId) next[k] = { key, supplier_id: Number(supplierId) };
      else delete next[k];
      return next;
    });
  const creatable = (preview?.new_suppliers ?? []).filter((o) => o.problem === null);
  const creating = (key: string) =>
    creatable.some((o) => o.vat_key === key) && !skipped.includes(key);
  const run = useMutation({
    mutationFn: () =>
      invoicesApi.import(chosen?.token ?? 0, {
        create_suppliers: creatable.map((o) => o.vat_key).filter((k) => !skipped.includes(k)),
        assign: Object.values(assigned),
      }),
    onSuccess: (out) => {
      qc.invalidateQueries({ queryKey: invoiceKeys.all });
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      setOutcome(out);
      notifications.show({
        color: "green",
        message: t("invoicesUi.report.done", { count: out.imported.length }),
      });
    },
    onError: (e) => notifyError(e, t, "invoicesUi"),
  });
  const close = () => {
    setOutcome(null);
    setSkipped([]);
    setAssigned({});
    onClose();
  };
  // Ready as the person has chosen: an unknown supplier not to be created is not imported.
  const ready = (preview?.files ?? [])
    .flatMap((f) => f.invoices.map((i) => ({ i, key: assignKey(f.file_index, i.body_index) })))
    .filter(
      ({ i, key }) =>
        i.verdict === "ready" ||
        (assignable(i) && assigned[key] !== undefined) ||
        (i.verdict === "needs_supplier" &&
          i.supplier.kind === "unknown" &&
          creating(i.supplier.vat_key)),
    ).length;
  return (
    <Modal opened={chosen !== null} onClose={close} title={t("invoicesUi.report.title")} size="xl">
      {preview && !outcome && (
        <Stack data-testid="invoice-import-report">
          <Text size="sm">
            {t("invoicesUi.report.intro")}{" "}
            {t("invoicesUi.report.files", { count: preview.files.length })}
            {" · "}
            <b data-testid="import-ready" data-count={ready}>
              {t("invoicesUi.report.ready", { count: ready })}
            </b>
          </Text>
          {creatable.map((o) => (
            <Checkbox
              key={o.vat_key}
              checked={!skipped.includes(o.vat_key)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setSkipped((s) => (on ? s.filter((k) => k !== o.vat_key) : [...s, o.vat_key]));
              }}
              label={`${t("invoicesUi.report.createSupplier")}: ${o.input.name} (${o.vat_key})`}
              data-testid="import-create-supplier"
            />
          ))}
          {(preview.new_suppliers ?? [])
            .filter((o) => o.problem !== null)
            .map((o) => (
              <Alert color="orange" key={o.vat_key}>
                {o.input.name}: {t("invoicesUi.report.cannotCreate", { problem: o.problem })}
              </Alert>
            ))}
          {preview.files.map((f) => (
            <FileCard
              key={f.file_index}
              f={f}
              creating={creating}
              assigned={assigned}
              onAssign={onAssign}
            />
          ))}
          <Group justify="flex-end">
            {ready === 0 && (
              <Text size="sm" c="dimmed">
                {t("invoicesUi.report.nothing")}
              </Text>
            )}
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              onClick={() => run.mutate()}
              loading={run.isPending}
              disabled={ready === 0}
              data-testid="invoice-import-confirm"
            >
              {t("invoicesUi.report.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
      {outcome && (
        <Stack data-testid="invoice-import-outcome">
          <Text fw={600}>
            {t("invoicesUi.report.done", { count: outcome.imported.length })}
            {outcome.skipped.length > 0 &&
              ` · ${t("invoicesUi.report.skipped", { count: outcome.skipped.length })}`}
            {outcome.refused.length > 0 &&
              ` · ${t("invoicesUi.report.refusedFiles", { count: outcome.refused.length })}`}
          </Text>
          {outcome.imported.map((i) => (
            <Button
              key={i.id}
              variant="subtle"
              justify="flex-start"
              onClick={() => {
                close();
                go({ page: "invoice", id: i.id, tab: "details" });
              }}
              data-testid="imported-invoice"
            >
              {i.number} · {i.supplier_name} ({i.file_name})
            </Button>
          ))}
          <Group justify="flex-end">
            <Button onClick={close}>{t("common.close")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
