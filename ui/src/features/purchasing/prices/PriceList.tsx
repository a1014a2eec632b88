import { ActionIcon, Button, Card, Group, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTags, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import { useCan } from "../../../app/session";
import type { PriceQuery } from "../../../bindings/PriceQuery";
import type { PriceSort } from "../../../bindings/PriceSort";
import type { SupplierPrice } from "../../../bindings/SupplierPrice";
import { formatDate, formatNumber } from "../../../i18n/format";
import { ListSearch } from "../../../kit/ListSearch";
import { useListSearch, useListSort } from "../../../kit/listFilters";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { notifyError } from "../../../lib/useServerForm";
import { formatQuantity, formatUnitPrice, vatLabel } from "../orders/parts";
import { PriceFormModal } from "./PriceForm";
import "./i18n";

/** Today as the list's "valid today" filter sends it (the machine's own date). */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function validity(p: SupplierPrice, t: TFunction, language: string) {
  const from = p.valid_from ? formatDate(p.valid_from, language) : null;
  const to = p.valid_to ? formatDate(p.valid_to, language) : null;
  if (from && to) return `${from} – ${to}`;
  if (from) return t("purchasingPrices.from", { date: from });
  if (to) return t("purchasingPrices.until", { date: to });
  return t("purchasingPrices.always");
}

function useColumns(
  canWrite: boolean,
  edit: (p: SupplierPrice) => void,
  remove: (p: SupplierPrice) => void,
): ListColumn<SupplierPrice, PriceSort>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`purchasingPrices.${k}`);
  const lang = i18n.language;
  const columns: ListColumn<SupplierPrice, PriceSort>[] = [
    {
      key: "item",
      title: l("description"),
      width: "minmax(220px, 2fr)",
      sort: "item",
      cell: (p) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} lineClamp={1}>
            {p.description}
          </Text>
          {p.item_code && (
            <Text size="xs" c="dimmed" ff="monospace">
              {p.item_code}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "min",
      title: l("min_quantity"),
      width: "120px",
      cell: (p) => (
        <Text size="sm" ta="right" style={{ flex: 1 }}>
          {p.min_quantity > 0
            ? `${formatQuantity(p.min_quantity, lang)} ${p.unit}`
            : l("anyQuantity")}
        </Text>
      ),
    },
    {
      key: "price",
      title: l("unit_price"),
      width: "130px",
      sort: "price",
      cell: (p) => (
        <Text size="sm" ta="right" style={{ flex: 1 }} data-testid="price-row-price">
          {formatUnitPrice(p.unit_price, p.currency, lang)}
        </Text>
      ),
    },
    {
      key: "discount",
      title: l("discount_bp"),
      width: "90px",
      cell: (p) => (
        <Text size="sm" ta="right" pr="md" style={{ flex: 1 }}>
          {p.discount_bp ? `${formatNumber(p.discount_bp / 100, lang)} %` : "–"}
        </Text>
      ),
    },
    {
      key: "vat",
      title: l("vat_rate_bp"),
      width: "90px",
      cell: (p) => (
        <Text size="sm">{p.vat_rate_bp === null ? "–" : vatLabel(p.vat_rate_bp, p.nature)}</Text>
      ),
    },
    {
      key: "validity",
      title: l("validity"),
      width: "minmax(170px, 1fr)",
      sort: "valid_to",
      cell: (p) => <Text size="sm">{validity(p, t, lang)}</Text>,
    },
  ];
  if (canWrite) {
    columns.push({
      key: "actions",
      title: "",
      width: "84px",
      interactive: true,
      cell: (p) => (
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={t("common.edit")} onClick={() => edit(p)}>
            <IconPencil size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={l("delete")}
            onClick={() => remove(p)}
            data-testid="price-delete"
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ),
    });
  }
  return columns;
}

/** A supplier's price list: search, "valid today", sorts and pages in SQL. */
export function PriceList({ supplierId }: { supplierId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("purchasing", "write");
  const { search, setSearch, debounced } = useListSearch();
  const [validToday, setValidToday] = useState(false);
  const sorting = useListSort<PriceSort>("item", "asc");
  const { sort, dir } = sorting;
  const [editing, setEditing] = useState<SupplierPrice | "new" | null>(null);
  const remove = useMutation({
    mutationFn: (p: SupplierPrice) => purchasingApi.deletePrice(p.id, p.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.prices(supplierId) });
      notifications.show({ color: "green", message: t("purchasingPrices.deleted") });
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  const columns = useColumns(canWrite, setEditing, (p) => remove.mutate(p));
  const source = useMemo<ListSource<SupplierPrice>>(() => {
    const query = (page: PriceQuery["page"]): PriceQuery => ({
      search: debounced || null,
      valid_on: validToday ? today() : null,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => purchasingKeys.priceList(supplierId, query(page)),
      fetch: (page) => purchasingApi.prices(supplierId, query(page)),
      pageSize: 50,
    };
  }, [supplierId, debounced, validToday, sort, dir]);
  const filtered = debounced !== "" || validToday;
  return (
    <Card>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("purchasingPrices.intro")}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="md">
            <ListSearch
              value={search}
              onChange={setSearch}
              placeholder={t("purchasingPrices.search")}
              width={280}
              testId="price-search"
            />
            <Switch
              label={t("purchasingPrices.validToday")}
              checked={validToday}
              onChange={(e) => setValidToday(e.currentTarget.checked)}
            />
          </Group>
          {canWrite && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing("new")}
              data-testid="price-add"
            >
              {t("purchasingPrices.add")}
            </Button>
          )}
        </Group>
        <ServerList
          testId="prices"
          rowTestId="price-row"
          label={t("purchasingPrices.tab")}
          columns={columns}
          source={source}
          {...sorting}
          rowHeight={52}
          rowData={(p) => ({ "data-id": p.id, "data-code": p.item_code ?? "" })}
          onOpen={canWrite ? setEditing : undefined}
          empty={
            <ListEmpty
              icon={IconTags}
              title={t(filtered ? "purchasingPrices.noMatch" : "purchasingPrices.empty")}
              text={null}
            />
          }
        />
      </Stack>
      <PriceFormModal
        opened={editing !== null}
        supplierId={supplierId}
        price={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
