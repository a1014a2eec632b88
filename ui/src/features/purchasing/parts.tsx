import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SupplierStatus } from "../../bindings/SupplierStatus";
import "./i18n";

/** Active in green, blocked in red with the reason on hover. */
export function SupplierStatusBadge({
  status,
  reason,
}: {
  status: SupplierStatus;
  reason: string | null;
}) {
  const { t } = useTranslation();
  const badge = (
    <Badge
      color={status === "active" ? "green" : "red"}
      variant="light"
      data-testid="supplier-status"
    >
      {t(`purchasingUi.suppliers.status.${status}`)}
    </Badge>
  );
  return reason ? <Tooltip label={reason}>{badge}</Tooltip> : badge;
}

/** A category's name in the language shown, falling back to the other. */
export function categoryLabel(
  c: { name_it: string; name_en: string | null },
  language: string,
): string {
  return language === "en" ? (c.name_en ?? c.name_it) : c.name_it;
}

/** Codes (VAT number, IBAN, SdI code) typed in a monospace font; the label keeps the UI's. */
export const MONO = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };
