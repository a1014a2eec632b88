import { Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { InvoiceStatus } from "../../../bindings/InvoiceStatus";
import "../i18n-fatturapa";
import "./i18n";

const COLOURS: Record<InvoiceStatus, string> = {
  to_match: "yellow",
  matched: "blue",
  approved_for_payment: "green",
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOURS[status]}
      variant="light"
      data-testid="invoice-status"
      data-status={status}
    >
      {t(`invoicesUi.status.${status}`)}
    </Badge>
  );
}

const NAMED_TYPES = ["TD01", "TD02", "TD03", "TD04", "TD05", "TD06"];

/** "Invoice", "Credit note"…, or "Document TD24" for the codes without a name of their own. */
export function documentTypeLabel(code: string, t: TFunction): string {
  return NAMED_TYPES.includes(code)
    ? t(`fatturapa.documentType.${code}`)
    : t("fatturapa.documentType.other", { code });
}

const NAMED_METHODS = ["MP01", "MP02", "MP05", "MP08", "MP12", "MP19"];

/** "Bank transfer (MP05)", or the code alone for the rarer methods. */
export function methodLabel(code: string | null, t: TFunction): string {
  if (!code) return "";
  return NAMED_METHODS.includes(code)
    ? `${t(`invoicesUi.method.${code}`)} (${code})`
    : t("invoicesUi.method.other", { code });
}
