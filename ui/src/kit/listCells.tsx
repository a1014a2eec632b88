import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, formatMoney } from "../i18n/format";

// The cells most list columns show: a text (a dash, dimmed, when there is none), a date in the
// language's format, an amount right-aligned.

export function TextCell({
  value,
  code,
  truncate = true,
}: {
  value: string | null;
  /** A number or code: bold and monospaced. */
  code?: boolean;
  truncate?: boolean;
}) {
  return (
    <Text
      size="sm"
      fw={code ? 600 : undefined}
      ff={code ? "monospace" : undefined}
      truncate={truncate}
      c={value === null ? "dimmed" : undefined}
    >
      {value ?? "—"}
    </Text>
  );
}

export function DateCell({ value }: { value: string | null }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm" c={value ? undefined : "dimmed"}>
      {value ? formatDate(value, i18n.language) : "—"}
    </Text>
  );
}

export function MoneyCell({
  cents,
  currency,
  testId,
}: {
  cents: number;
  currency: string;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm" ta="right" style={{ flex: 1 }} data-testid={testId}>
      {formatMoney(cents, currency, i18n.language)}
    </Text>
  );
}

/** A count, right-aligned like the amounts. */
export function NumberCell({ value }: { value: number }) {
  return (
    <Text size="sm" ta="right" style={{ flex: 1 }}>
      {value}
    </Text>
  );
}

/** A percentage held in basis points (2000 → "20 %"), in the language's digits. */
export function PercentCell({ bp }: { bp: number }) {
  const { i18n } = useTranslation();
  return <Text size="sm">{(bp / 100).toLocaleString(i18n.language)} %</Text>;
}
