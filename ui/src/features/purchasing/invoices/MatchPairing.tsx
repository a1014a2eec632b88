import { Button, Card, Group, Select, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { matchApi, matchKeys } from "../../../api/invoiceMatch";
import { invoiceKeys } from "../../../api/invoices";
import { QueryState } from "../../../app/QueryState";
import type { MatchProposal } from "../../../bindings/MatchProposal";
import type { OrderLineOpen } from "../../../bindings/OrderLineOpen";
import type { Pairing } from "../../../bindings/Pairing";
import { formatMoney } from "../../../i18n/format";
import { notifyError } from "../../../lib/useServerForm";
import { formatQuantity, formatUnitPrice, vatLabel } from "../orders/parts";
import "./i18n-match";

const key = (orderId: number, line: number) => `${orderId}:${line}`;

/** The invoice line → order line choice, "" for a line left unmatched. */
type Choice = Record<number, string>;

function fromPairing(p: MatchProposal): Choice {
  const out: Choice = {};
  for (const l of p.lines) out[l.line_no] = "";
  for (const x of p.pairing) out[x.invoice_line] = key(x.order_id, x.order_line);
  return out;
}

function Figures({ o, currency }: { o: OrderLineOpen; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Text size="xs" c="dimmed" data-testid="match-order-figures">
      {t("invoiceMatch.optionFigures", {
        ordered: formatQuantity(o.ordered, lang),
        received: formatQuantity(o.received, lang),
        invoiced: formatQuantity(o.invoiced, lang),
        price: `${formatUnitPrice(o.unit_price, currency, lang)} · ${vatLabel(o.vat_rate_bp, o.nature)}`,
      })}
    </Text>
  );
}

function PairingForm({
  p,
  currency,
  canWrite,
}: {
  p: MatchProposal;
  currency: string;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Choice>(() => fromPairing(p));
  useEffect(() => setChoice(fromPairing(p)), [p]);
  const options = p.open.map((o) => ({
    value: key(o.order_id, o.line_no),
    label: t("invoiceMatch.option", {
      order: o.order_number,
      line: o.line_no,
      description: o.description,
    }),
  }));
  const confirm = useMutation({
    mutationFn: () => {
      const pairings: Pairing[] = Object.entries(choice)
        .filter(([, v]) => v !== "")
        .map(([line, v]) => {
          const [orderId, orderLine] = v.split(":");
          return {
            invoice_line: Number(line),
            order_id: Number(orderId),
            order_line: Number(orderLine),
          };
        });
      return matchApi.confirm(p.invoice_id, p.version, pairings);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: invoiceKeys.all });
      notifications.show({ color: "green", message: t("invoiceMatch.confirmed") });
    },
    onError: (e) => notifyError(e, t, "invoiceMatch"),
  });
  const locked = p.status === "approved_for_payment" || !canWrite;
  const suggested = (line: number, v: string) =>
    p.suggestions.some((s) => s.invoice_line === line && key(s.order_id, s.order_line) === v);
  return (
    <Stack>
      {p.open.length === 0 && (
        <Text size="sm" c="orange" data-testid="match-no-open-lines">
          {t("invoiceMatch.noOpenLines")}
        </Text>
      )}
      <Table verticalSpacing={8} data-testid="match-pairing">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{t("invoiceMatch.invoiceLine")}</Table.Th>
            <Table.Th>{t("invoiceMatch.orderLine")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.lines.map((l) => {
            const v = choice[l.line_no] ?? "";
            const chosen = p.open.find((o) => key(o.order_id, o.line_no) === v);
            return (
              <Table.Tr key={l.line_no} data-testid="match-line" data-line={l.line_no}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {l.line_no}. {l.description}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.quantity === null ? "" : `${formatQuantity(l.quantity, i18n.language)} × `}
                    {formatUnitPrice(l.unit_price, currency, i18n.language)} ={" "}
                    {formatMoney(l.net_cents, currency, i18n.language)} ·{" "}
                    {vatLabel(l.vat_rate_bp, l.nature)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Select
                      aria-label={t("invoiceMatch.orderLine")}
                      data={[{ value: "", label: t("invoiceMatch.noOrderLine") }, ...options]}
                      value={v}
                      onChange={(x) => setChoice((c) => ({ ...c, [l.line_no]: x ?? "" }))}
                      disabled={locked}
                      allowDeselect={false}
                      data-testid="match-select"
                    />
                    {chosen && <Figures o={chosen} currency={currency} />}
                    {chosen && suggested(l.line_no, v) && (
                      <Text size="xs" c="teal">
                        {t("invoiceMatch.suggested")}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!locked && (
        <Group justify="flex-end">
          <Button
            onClick={() => confirm.mutate()}
            loading={confirm.isPending}
            data-testid="match-confirm"
          >
            {p.status === "to_match" ? t("invoiceMatch.confirm") : t("invoiceMatch.rematch")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The pairing of the invoice's lines with order lines, suggested and confirmed by purchasing. */
export function MatchPairing({
  invoiceId,
  currency,
  canWrite,
}: {
  invoiceId: number;
  currency: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const proposal = useQuery({
    queryKey: matchKeys.proposal(invoiceId),
    queryFn: () => matchApi.proposal(invoiceId),
  });
  return (
    <Card>
      <Stack gap="xs">
        <Text fw={600}>{t("invoiceMatch.title")}</Text>
        <Text size="sm" c="dimmed">
          {t("invoiceMatch.intro")}
        </Text>
        <QueryState query={proposal}>
          {(p) => <PairingForm p={p} currency={currency} canWrite={canWrite} />}
        </QueryState>
      </Stack>
    </Card>
  );
}
