import { Badge, Button, Card, Group, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { matchApi, matchKeys } from "../../../api/invoiceMatch";
import { useCan } from "../../../app/session";
import type { MatchYear } from "../../../bindings/MatchYear";
import { formatMoney, formatNumber } from "../../../i18n/format";
import { fieldErrors } from "../../../lib/errors";
import { fromForm, TolerancesFields, type TolerancesForm, toForm } from "./TolerancesFields";

/** Green under 5 % of lines, orange under 15 %, red above. */
function colour(bp: number): string {
  if (bp < 500) return "green";
  if (bp < 1_500) return "orange";
  return "red";
}

function Share({ n, bp }: { n: number; bp: number | null }) {
  const { i18n } = useTranslation();
  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      <Text size="sm">{formatNumber(n, i18n.language)}</Text>
      {bp !== null && (
        <Badge color={colour(bp)} variant="light">
          {formatNumber(Math.floor(bp / 100), i18n.language)} %
        </Badge>
      )}
    </Group>
  );
}

/** The supplier's quantity and price mismatches at match per year, from the stored differences. */
export function SupplierMismatches({ supplierId }: { supplierId: number }) {
  const { t, i18n } = useTranslation();
  const years = useQuery({
    queryKey: matchKeys.years(supplierId),
    queryFn: () => matchApi.years(supplierId),
  });
  const l = (k: string) => t(`invoiceMatch.performance.${k}`);
  const rows: MatchYear[] = years.data ?? [];
  return (
    <Card data-testid="supplier-mismatches">
      <Stack gap="xs">
        <Title order={4}>{l("title")}</Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {l("empty")}
          </Text>
        ) : (
          <Table verticalSpacing={6} maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("purchasingUi.performance.year")}</Table.Th>
                <Table.Th ta="right">{l("lines")}</Table.Th>
                <Table.Th ta="right">{l("quantity")}</Table.Th>
                <Table.Th ta="right">{l("price")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((y) => (
                <Table.Tr key={y.year} data-testid="mismatch-year">
                  <Table.Td fw={500}>{y.year}</Table.Td>
                  <Table.Td ta="right">{formatNumber(y.lines, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Share n={y.quantity_mismatches} bp={y.quantity_bp} />
                  </Table.Td>
                  <Table.Td>
                    <Share n={y.price_mismatches} bp={y.price_bp} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** The supplier's own match tolerances (administrators), or the general ones. */
export function SupplierTolerancesCard({ supplierId }: { supplierId: number }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canEdit = useCan("settings", "write");
  const current = useQuery({
    queryKey: matchKeys.supplierTolerances(supplierId),
    queryFn: () => matchApi.supplierTolerances(supplierId),
  });
  const [own, setOwn] = useState(false);
  const [form, setForm] = useState<TolerancesForm>({ qty: 0, price: 0, cents: 0 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!current.data) return;
    setOwn(current.data.own !== null);
    setForm(toForm(current.data.own ?? current.data.global));
  }, [current.data]);
  const save = useMutation({
    mutationFn: () => matchApi.saveSupplierTolerances(supplierId, own ? fromForm(form) : null),
    onSuccess: () => {
      setErrors({});
      qc.invalidateQueries({ queryKey: matchKeys.supplierTolerances(supplierId) });
      notifications.show({ color: "green", message: t("invoiceMatch.tolerances.saved") });
    },
    onError: (e) => setErrors(fieldErrors(e, t, "invoiceMatch")),
  });
  const g = current.data?.global;
  return (
    <Card data-testid="supplier-tolerances">
      <Stack gap="xs">
        <Title order={4}>{t("invoiceMatch.tolerances.own")}</Title>
        {g && (
          <Text size="sm" c="dimmed">
            {t("invoiceMatch.tolerances.general", {
              qty: formatNumber(g.qty_bp / 100, i18n.language),
              price: formatNumber(g.price_bp / 100, i18n.language),
              cents: formatMoney(g.price_cents, "EUR", i18n.language),
            })}
          </Text>
        )}
        <Switch
          label={t("invoiceMatch.tolerances.useOwn")}
          checked={own}
          onChange={(e) => setOwn(e.currentTarget.checked)}
          disabled={!canEdit}
          data-testid="supplier-tolerances-own"
        />
        {own && (
          <TolerancesFields
            value={form}
            onChange={setForm}
            errors={errors}
            disabled={!canEdit}
            testId="supplier-tolerances-fields"
          />
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button
              size="xs"
              onClick={() => save.mutate()}
              loading={save.isPending}
              data-testid="supplier-tolerances-save"
            >
              {t("invoiceMatch.tolerances.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
