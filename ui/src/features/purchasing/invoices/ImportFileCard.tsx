import { Alert, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconFileCheck, IconFileX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FilePreview } from "../../../bindings/FilePreview";
import type { InvoiceAssignment } from "../../../bindings/InvoiceAssignment";
import type { InvoiceKey } from "../../../bindings/InvoiceKey";
import type { InvoicePreview } from "../../../bindings/InvoicePreview";
import type { InvoiceVerdict } from "../../../bindings/InvoiceVerdict";
import { formatDate, formatMoney } from "../../../i18n/format";
import { fatturapaProblem } from "../fatturapaProblem";
import { SupplierPicker } from "../SupplierPickers";
import { documentTypeLabel } from "./parts";
import { SignatureLine } from "./SignatureLine";
import "./i18n";

// The import report's file cards: each file refused or its invoices, with their suppliers.

const VERDICT_COLOUR: Record<InvoiceVerdict, string> = {
  ready: "green",
  needs_supplier: "yellow",
  duplicate: "gray",
  duplicate_in_batch: "gray",
};

/** The supplier the person gave an invoice by hand (its id), by `file:body`. */
export type Assigned = Record<string, InvoiceAssignment>;
export const assignKey = (file: number, body: number) => `${file}:${body}`;

/** Whether the invoice cannot find its supplier by VAT number and may be given one by hand. */
export const assignable = (inv: InvoicePreview) =>
  inv.verdict === "needs_supplier" &&
  (inv.supplier.kind === "bad_vat_number" || inv.supplier.kind === "no_vat_number");

type LineProps = {
  inv: InvoicePreview;
  creating: boolean;
  assigned: InvoiceAssignment | undefined;
  onAssign: (supplierId: string | null) => void;
};

function InvoiceLine({ inv, creating, assigned, onAssign }: LineProps) {
  const { t, i18n } = useTranslation();
  const r = (k: string, o?: Record<string, unknown>) => t(`invoicesUi.report.${k}`, o);
  const s = inv.supplier;
  const verdict: InvoiceVerdict =
    inv.verdict === "needs_supplier" && ((s.kind === "unknown" && creating) || assigned)
      ? "ready"
      : inv.verdict;
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
      {assignable(inv) && (
        <SupplierPicker
          label={r("assignTo")}
          description={r("assignHelp", { name: inv.supplier_name })}
          value={assigned ? String(assigned.supplier_id) : null}
          currentLabel={null}
          onChange={onAssign}
          clearable
          maw={420}
          data-testid="import-assign-supplier"
        />
      )}
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

type CardProps = {
  f: FilePreview;
  creating: (key: string) => boolean;
  assigned: Assigned;
  onAssign: (key: InvoiceKey, supplierId: string | null) => void;
};

export function FileCard({ f, creating, assigned, onAssign }: CardProps) {
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
              assigned={assigned[assignKey(f.file_index, inv.body_index)]}
              onAssign={(id) =>
                onAssign({ file_index: f.file_index, body_index: inv.body_index }, id)
              }
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}
