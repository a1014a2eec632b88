import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, Tooltip } from "@mantine/core";
import { IconEdit, IconLicense, IconPackage, IconPlus, IconUsers } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { itReportsApi } from "../../../api/itReports";
import { licenceKeys, licencesApi } from "../../../api/licences";
import { useCan } from "../../../app/session";
import type { Licence } from "../../../bindings/Licence";
import type { LicenceQuery } from "../../../bindings/LicenceQuery";
import type { LicenceSort } from "../../../bindings/LicenceSort";
import type { SeatUse } from "../../../bindings/SeatUse";
import { formatMoney } from "../../../i18n/format";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListSearch } from "../../../kit/ListSearch";
import { useListSearch, useListSort } from "../../../kit/listFilters";
import { FilteredEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { ExpiryDate } from "../../staff/parts";
import { ImportButton } from "../ImportButton";
import { LicenceFormModal } from "./LicenceForm";
import { LicenceSeats } from "./LicenceSeats";
import { ProductFormModal } from "./ProductForm";
import { SeatCount } from "./parts";
import { SEAT_USES, seatUse } from "./values";
import "./i18n";
import "../reports/i18n";

/** The "expiring soon" filter's horizon. */
const EXPIRING_DAYS = 60;

type RowActions = { onSeats: (l: Licence) => void; onEdit: ((l: Licence) => void) | null };

function useColumns({ onSeats, onEdit }: RowActions): ListColumn<Licence, LicenceSort>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return [
    {
      key: "product",
      title: t("licences.fields.product"),
      width: "minmax(200px, 2fr)",
      sort: "product",
      cell: (l) => (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {l.product_version ? `${l.product_name} ${l.product_version}` : l.product_name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {l.publisher ?? ""}
          </Text>
        </div>
      ),
    },
    {
      key: "kind",
      title: t("licences.fields.kind"),
      width: "minmax(110px, 1fr)",
      cell: (l) => (
        <Text size="sm" truncate>
          {t(`licences.kind.${l.kind}`)}
        </Text>
      ),
    },
    {
      key: "seats",
      title: t("licences.fields.seats"),
      width: "110px",
      sort: "seats",
      cell: (l) => <SeatCount used={l.seats_used} total={l.seats} />,
    },
    {
      key: "expiry",
      title: t("licences.fields.expiry_date"),
      width: "130px",
      sort: "expiry",
      cell: (l) => <ExpiryDate date={l.expiry_date} compact />,
    },
    {
      key: "cost",
      title: t("licences.fields.cost"),
      width: "110px",
      cell: (l) => (
        <Text size="sm" ta="right">
          {l.cost_cents === null ? "" : formatMoney(l.cost_cents, l.currency, lang)}
        </Text>
      ),
    },
    {
      key: "actions",
      title: "",
      width: "76px",
      interactive: true,
      cell: (l) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={t("licences.seatsButton")}>
            <ActionIcon
              variant="subtle"
              onClick={() => onSeats(l)}
              aria-label={t("licences.seatsButton")}
              data-testid="licence-seats-open"
            >
              <IconUsers size={16} />
            </ActionIcon>
          </Tooltip>
          {onEdit && (
            <Tooltip label={t("licences.edit")}>
              <ActionIcon
                variant="subtle"
                onClick={() => onEdit(l)}
                aria-label={t("licences.edit")}
                data-testid="licence-edit"
              >
                <IconEdit size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ),
    },
  ];
}

export type LicencesViewProps = {
  /** Whether the person may add and change licences; by default `useCan("assets", "write")`. */
  canWrite?: boolean;
};

/** The software licences: what was bought, how many seats are held, what expires soon. */
export function LicencesView(props: LicencesViewProps) {
  const { t } = useTranslation();
  const mayWrite = useCan("assets", "write");
  const canWrite = props.canWrite ?? mayWrite;
  const { search, setSearch, debounced } = useListSearch();
  const [expiring, setExpiring] = useState(false);
  const [use, setUse] = useState<SeatUse | null>(null);
  const sorting = useListSort<LicenceSort>("product", "asc");
  const { sort, dir } = sorting;
  const [editing, setEditing] = useState<Licence | null | "new">(null);
  const [addingProduct, setAddingProduct] = useState(false);
  const [seatsOf, setSeatsOf] = useState<Licence | null>(null);
  const columns = useColumns({ onSeats: setSeatsOf, onEdit: canWrite ? setEditing : null });
  const query = useCallback(
    (page: LicenceQuery["page"]): LicenceQuery => ({
      search: debounced || null,
      product_id: null,
      kind: null,
      expiring_within_days: expiring ? EXPIRING_DAYS : null,
      seat_use: use,
      include_retired: false,
      sort,
      dir,
      page,
    }),
    [debounced, expiring, use, sort, dir],
  );
  const source = useMemo<ListSource<Licence>>(() => {
    return {
      key: (page) => licenceKeys.list(query(page)),
      fetch: (page) => licencesApi.list(query(page)),
      pageSize: 50,
    };
  }, [query]);
  const filtered = debounced !== "" || expiring || use !== null;
  return (
    <Stack gap={0} data-testid="licences-view">
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("licences.searchPlaceholder")}
          width={300}
          testId="licence-search"
        />
        <Select
          data={SEAT_USES.map((u) => ({ value: u, label: t(`licences.seatUse.${u}`) }))}
          value={use}
          onChange={(v) => setUse(v as SeatUse | null)}
          placeholder={t("licences.anySeatUse")}
          clearable
          w={250}
          data-testid="licence-use-filter"
        />
        <Checkbox
          label={t("licences.expiringSoon")}
          checked={expiring}
          onChange={(e) => setExpiring(e.currentTarget.checked)}
          data-testid="licence-expiring-filter"
        />
        <ExportButtons
          area="assets"
          testId="licence-export"
          run={(format, language) =>
            itReportsApi.exportLicences(
              query({ offset: 0, limit: 50 }),
              format,
              language,
              t("reports.exportTitle"),
            )
          }
        />
        {canWrite && (
          <Group gap="xs" ml="auto">
            <ImportButton area="licences" label={t("licences.import")} testId="licence-import" />
            <Button
              variant="default"
              leftSection={<IconPackage size={16} />}
              onClick={() => setAddingProduct(true)}
              data-testid="product-new"
            >
              {t("licences.newProduct")}
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing("new")}
              data-testid="licence-new"
            >
              {t("licences.new")}
            </Button>
          </Group>
        )}
      </Group>
      <ServerList
        testId="licences"
        rowTestId="licence-row"
        label={t("licences.title")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={52}
        rowData={(l) => ({
          "data-id": l.id,
          "data-use": seatUse(l.seats_used, l.seats),
        })}
        onOpen={setSeatsOf}
        empty={
          <FilteredEmpty
            icon={IconLicense}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("licences.noMatch")}
            emptyTitle={t("licences.emptyTitle")}
            emptyText={t("licences.emptyText")}
          />
        }
      />
      <LicenceFormModal
        opened={editing !== null}
        licence={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
      />
      <ProductFormModal opened={addingProduct} onClose={() => setAddingProduct(false)} />
      <LicenceSeats licence={seatsOf} onClose={() => setSeatsOf(null)} canWrite={canWrite} />
    </Stack>
  );
}
