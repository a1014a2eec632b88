import { Badge, Card, Group, Switch, Text } from "@mantine/core";
import { IconTruckDelivery } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { receiptKeys, receiptsApi } from "../../../api/receipts";
import { useNav } from "../../../app/nav";
import type { ToReceiveQuery } from "../../../bindings/ToReceiveQuery";
import type { ToReceiveRow } from "../../../bindings/ToReceiveRow";
import { formatDate } from "../../../i18n/format";
import { MoneyCell, NumberCell, TextCell } from "../../../kit/listCells";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { OrderStatusBadge } from "../orders/parts";
import { SupplierPicker } from "../SupplierPickers";
import "../i18n-receiving";

/** The report has one order: late ones first, then by delivery date, orders without one last. */
type Fixed = "delivery";

function useColumns(): ListColumn<ToReceiveRow, Fixed>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`receiving.due.${k}`);
  return [
    {
      key: "number",
      title: l("number"),
      width: "120px",
      cell: (o) => <TextCell value={o.number} code />,
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(160px, 2fr)",
      cell: (o) => <TextCell value={o.supplier_name} />,
    },
    {
      key: "status",
      title: l("status"),
      width: "130px",
      cell: (o) => <OrderStatusBadge status={o.status} />,
    },
    {
      key: "delivery",
      title: l("delivery"),
      width: "195px",
      cell: (o) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c={o.late ? "red" : o.delivery_date ? undefined : "dimmed"}>
            {o.delivery_date ? formatDate(o.delivery_date, i18n.language) : "—"}
          </Text>
          {o.late && (
            <Badge color="red" variant="light" data-testid="to-receive-late">
              {l("late")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "lines",
      title: l("lines"),
      width: "105px",
      cell: (o) => <NumberCell value={o.open_lines} />,
    },
    {
      key: "remaining",
      title: l("remaining"),
      width: "140px",
      cell: (o) => (
        <MoneyCell cents={o.remaining_cents} currency={o.currency} testId="to-receive-remaining" />
      ),
    },
  ];
}

/** "Orders to receive": what approved orders still have to deliver, the late ones marked. */
export function ToReceiveList() {
  const { t } = useTranslation();
  const { go } = useNav();
  const [supplier, setSupplier] = useState<string | null>(null);
  const [lateOnly, setLateOnly] = useState(false);
  const columns = useColumns();
  const source = useMemo<ListSource<ToReceiveRow>>(() => {
    const query = (page: ToReceiveQuery["page"]): ToReceiveQuery => ({
      supplier_id: supplier ? Number(supplier) : null,
      late_only: lateOnly,
      page,
    });
    return {
      key: (page) => receiptKeys.toReceive(query(page)),
      fetch: (page) => receiptsApi.toReceive(query(page)),
      pageSize: 50,
    };
  }, [supplier, lateOnly]);
  return (
    <Card>
      <Group mb="md" justify="flex-end" gap="sm">
        <Switch
          label={t("receiving.due.lateOnly")}
          checked={lateOnly}
          onChange={(e) => setLateOnly(e.currentTarget.checked)}
          data-testid="to-receive-late-only"
        />
        <SupplierPicker
          aria-label={t("receiving.due.supplier")}
          value={supplier}
          onChange={setSupplier}
          currentLabel={null}
          w={220}
          data-testid="to-receive-supplier-filter"
        />
      </Group>
      <ServerList
        testId="to-receive"
        rowTestId="to-receive-row"
        label={t("receiving.views.to_receive")}
        columns={columns}
        source={source}
        sort="delivery"
        dir="asc"
        onSort={() => {}}
        rowHeight={48}
        rowData={(o) => ({
          "data-id": o.id,
          "data-number": o.number ?? "",
          "data-late": String(o.late),
        })}
        onOpen={(o) => go({ page: "order", id: o.id, tab: "details" })}
        empty={<ListEmpty icon={IconTruckDelivery} title={t("receiving.due.empty")} text={null} />}
      />
    </Card>
  );
}
