import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrderState } from "../../../bindings/OrderState";
import "../i18n";

const COLOURS: Record<OrderState, string> = {
  draft: "gray",
  pending_approval: "yellow",
  approved: "teal",
  sent: "blue",
  partly_received: "indigo",
  received: "green",
  closed: "dark",
  cancelled: "red",
};

export function OrderStatusBadge({ status }: { status: OrderState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light" data-testid="order-status" data-status={status}>
      {t(`purchasing.state.${status}`)}
    </Badge>
  );
}

/** Ten-thousandths of a currency unit as the language writes them, at least two decimals. */
export function formatUnitPrice(e4: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language === "it" ? "it-IT" : "en-GB", {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(e4 / 10_000);
}

/** Thousandths of a unit, without trailing zeros. */
export function formatQuantity(milli: number, language: string): string {
  return new Intl.NumberFormat(language === "it" ? "it-IT" : "en-GB", {
    maximumFractionDigits: 3,
  }).format(milli / 1000);
}

/** A VAT rate in basis points as "22 %", or the nature code of a 0 % line. */
export function vatLabel(rateBp: number, nature: string | null): string {
  return rateBp === 0 && nature ? `0 % ${nature}` : `${rateBp / 100} %`;
}
