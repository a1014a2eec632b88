import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconFileCheck, IconFileX } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChosenInvoices, invoiceKeys, invoicesApi } from "../../../api/invoices";
import { purchasingKeys } from "../../../api/purchasing";
import { useNav } from "../../../app/nav";
import type { FilePreview } from "../../../bindings/FilePreview";
import type { InvoiceImportOutcome } from "../../../bindings/InvoiceImportOutcome";
import type { InvoicePreview } from "../../../bindings/InvoicePreview";
import type { InvoiceVerdict } from "../../../bindings/InvoiceVerdict";
import { formatDate, formatMoney } from "../../../i18n/format";
import { notifyError } from "../../../lib/useServerForm";
import { fatturapaProblem } from "../fatturapaProblem";
import { documentTypeLabel } from "./parts";
import { SignatureLine } from "./SignatureLine";
import "./i18n";

const VERDICT_COLOUR: Record<InvoiceVerdict, string> = {
  ready: "green",
  needs_supplier: "yellow",
  duplicate: "gray",
  duplicate_in_batch: "gray",
};

function InvoiceLine({ inv, creating }: { inv: InvoicePreview; creating: boolean }) {
  const { t, i18n } = useTranslation();
  const r = (k: string, o?: Record<string, unknown>) => t(`invoicesUi.report.${k}`, o);
  const s = inv.supplier;
  const verdict: InvoiceVerdict =
    inv.verdict === "needs_supplier" && s.kind === "unknown" && creating ? "ready" : inv.verdict;
  const supplier =
    s.kind === "known"
      ? r("supplierKnown", { name: s.name })
      : s.kind === "unknown"
        ? r("supplierUnknown", { name: inv.supplier_name, vat: s.vat_key })
        : s.kind === "bad_vat_number"
          ? r("badVat", { vat: s.vat_key })
          : r("noVat");
  return (
    <Stack gap={2} data-testid="import-invoice" data-verdict={verdict} data-number={inv.number}>
      <Group gap="xs">
        <Badge color={VERDICT_COLOUR[verdict]} variant="light">
          {r(`verdict.${verdict}`)}
        </Badge>
        <Text size="sm" fw={600}>
          {documentTypeLabel(inv.document_type, t)} {inv.number} ·{" "}
          {formatDate(inv.date, i18n.language)} ·{" "}
          {formatMoney(inv.total_cents, inv.currency, i18n.language)}
        </Text>
        <Text size="sm" c="dimmed">
          {r("lines", { count: inv.line_count })}
        </Text>
      </Group>
      <Text
        size="sm"
        c={s.kind === "bad_vat_number" || s.kind === "no_vat_number" ? "red.8" : undefined}
      >
        {supplier}
      </Text>
      {inv.order_refs.length > 0 && (
        <Text size="sm" c="dimmed">
          {r("orderRefs", { refs: inv.order_refs.join(", ") })}
        </Text>
      )}
      {inv.warnings.map((w) => (
        <Text size="sm" c="orange.9" key={`${w.code}-${w.path}`} data-testid="import-warning">
          ⚠ {fatturapaProblem(w, t, i18n.language, inv.currency)}
        </Text>
      ))}
    </Stack>
  );
}

function FileCard({ f, creating }: { f: FilePreview; creating: (key: string) => boolean }) {
  const { t, i18n } = useTranslation();
  const refused = f.problem !== null;
  return (
    <Card withBorder data-testid="import-file" data-file={f.file_name} data-refused={refused}>
      <Group gap="xs" mb="xs">
        {refused ? <IconFileX size={18} color="red" /> : <IconFileCheck size={18} />}
        <Text fw={600}>{f.file_name}</Text>
      </Group>
      {f.problem ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="import-file-problem">
          <Text size="sm">{fatturapaProblem(f.problem, t, i18n.language)}</Text>
          <Text size="sm" mt={4}>
            {t("invoicesUi.report.refused")}
          </Text>
        </Alert>
      ) : (
        <Stack gap="sm">
          {f.signature && f.signature !== "none" && (
            <SignatureLine state={f.signature} signer={f.signer} />
          )}
          {f.invoices.map((inv) => (
            <InvoiceLine
              key={inv.body_index}
              inv={inv}
              creating={inv.supplier.kind === "unknown" && creating(inv.supplier.vat_key)}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}

type Props = { chosen: ChosenInvoices | null; onClose: () => void };

/** Step 1's report per file, the suppliers to create, and step 2: import on confirm. */
export function InvoiceImportModal({ chosen, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const preview = chosen?.preview;
  const [skipped, setSkipped] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<InvoiceImportOutcome | null>(null);
  const creatable = (preview?.new_suppliers ?? []).filter((o) => o.problem === null);
  const creating = (key: string) =>
    creatable.some((o) => o.vat_key === key) && !skipped.includes(key);
  const run = useMutation({
    mutationFn: () =>
      invoicesApi.import(chosen?.token ?? 0, {
        create_suppliers: creatable.map((o) => o.vat_key).filter((k) => !skipped.includes(k)),
        assign: [],
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
    onClose();
  };
  // Ready as the person has chosen: an unknown supplier not to be created is not imported.
  const ready = (preview?.files ?? [])
    .flatMap((f) => f.invoices)
    .filter(
      (i) =>
        i.verdict === "ready" ||
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
            <FileCard key={f.file_index} f={f} creating={creating} />
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
