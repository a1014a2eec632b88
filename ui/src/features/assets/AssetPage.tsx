import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import {
  IconArrowBackUp,
  IconDevicesPc,
  IconFiles,
  IconHandGrab,
  IconNetwork,
  IconPencil,
  IconTool,
  IconUsers,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import { type Route, useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Asset } from "../../bindings/Asset";
import { formatDate, formatMoney } from "../../i18n/format";
import { BackLink, RecordPage } from "../../kit/RecordPage";
import { AttachmentsTab } from "../attachments/AttachmentsTab";
import { Fact } from "../audits/parts";
import { RecordAudits } from "../audits/RecordAudits";
import { ExpiryDate } from "../staff/parts";
import { AssetFormModal } from "./AssetForm";
import { HandOverModal } from "./CheckoutModal";
import { Holders } from "./Holders";
import { LabelsButton } from "./LabelsModal";
import { AssetMaintenance } from "./maintenance/AssetMaintenance";
import { AssetNetwork } from "./network/AssetNetwork";
import { AssetStatusBadge, categoryName } from "./parts";
import { ValueCard } from "./ValueCard";
import "./i18n";

function Details({ a }: { a: Asset }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t("common.none");
  const d = (v: string | null) => (v ? formatDate(v, lang) : none);
  const label = (f: string) => t(`assets.fields.${f}`);
  return (
    <Card>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Fact label={label("category")}>{categoryName(a, lang)}</Fact>
        <Fact label={label("manufacturer")}>{a.manufacturer ?? none}</Fact>
        <Fact label={label("model")}>{a.model ?? none}</Fact>
        <Fact label={label("serial")}>{a.serial ?? none}</Fact>
        <Fact label={label("supplier_name")}>{a.supplier_name ?? none}</Fact>
        <Fact label={label("order_number")}>{a.order_number ?? none}</Fact>
        <Fact label={label("purchase_date")}>{d(a.purchase_date)}</Fact>
        <Fact label={label("cost")}>
          {a.cost_cents === null ? none : formatMoney(a.cost_cents, a.currency, lang)}
        </Fact>
        <Fact label={label("warranty_end")}>
          {a.warranty_end ? <ExpiryDate date={a.warranty_end} /> : none}
        </Fact>
        <Fact label={label("location")}>{a.location_path ?? none}</Fact>
        <Fact label={label("department")}>{a.department_name ?? none}</Fact>
        <Fact label={label("holder")}>
          <span data-testid="asset-holder">{a.holder_name ?? a.holder_location_path ?? none}</span>
        </Fact>
        {a.status_date && <Fact label={label("status_date")}>{d(a.status_date)}</Fact>}
        <Fact label={label("last_checked_on")}>{d(a.last_checked_on)}</Fact>
        <Fact label={label("next_check_on")}>{d(a.next_check_on)}</Fact>
      </SimpleGrid>
      {a.notes && (
        <Text mt="lg" size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {a.notes}
        </Text>
      )}
    </Card>
  );
}

function AssetView({ a }: { a: Asset }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("assets", "write");
  const [editing, setEditing] = useState(false);
  const [handing, setHanding] = useState(false);
  const out = a.holder_employee_id !== null || a.holder_location_id !== null;
  const gone = a.status === "retired" || a.status === "lost";
  return (
    <RecordPage
      title={`${a.tag} · ${a.name}`}
      status={<AssetStatusBadge status={a.status} />}
      facts={[
        categoryName(a, i18n.language),
        [a.manufacturer, a.model].filter(Boolean).join(" "),
        a.holder_name ?? a.holder_location_path,
      ]}
      actions={
        canWrite ? (
          <Group gap="xs">
            <LabelsButton ids={async () => [a.id]} label={t("assets.labels.one")} />
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="asset-edit"
            >
              {t("common.edit")}
            </Button>
            {!gone && (
              <Button
                leftSection={out ? <IconArrowBackUp size={16} /> : <IconHandGrab size={16} />}
                onClick={() => setHanding(true)}
                data-testid={out ? "asset-checkin" : "asset-checkout"}
              >
                {t(out ? "assets.checkin.action" : "assets.checkout.action")}
              </Button>
            )}
          </Group>
        ) : null
      }
      details={{
        key: "details",
        label: t("assets.tabs.details"),
        icon: IconDevicesPc,
        render: () => (
          <Stack>
            <Details a={a} />
            <ValueCard assetId={a.id} />
            <RecordAudits entity="assets" recordId={a.id} />
          </Stack>
        ),
      }}
      attachments={{
        key: "files",
        label: t("assets.tabs.files"),
        icon: IconFiles,
        render: () => (
          <AttachmentsTab
            entity="assets"
            recordId={a.id}
            options={{ name: `${a.tag} ${a.name}`, focus: null }}
          />
        ),
      }}
      tabs={[
        {
          key: "holders",
          label: t("assets.tabs.holders"),
          icon: IconUsers,
          badge: out ? (
            <Badge size="xs" variant="light">
              1
            </Badge>
          ) : null,
          render: () => <Holders assetId={a.id} />,
        },
        {
          key: "network",
          label: t("assets.tabs.network"),
          icon: IconNetwork,
          render: () => <AssetNetwork assetId={a.id} canWrite={canWrite} />,
        },
        {
          key: "work",
          label: t("assets.tabs.work"),
          icon: IconTool,
          render: () => <AssetMaintenance assetId={a.id} assetName={`${a.tag} ${a.name}`} />,
        },
      ]}
    >
      <AssetFormModal opened={editing} asset={a} onClose={() => setEditing(false)} />
      <HandOverModal asset={a} opened={handing} onClose={() => setHanding(false)} />
    </RecordPage>
  );
}

export function AssetPage({ route }: { route: Extract<Route, { page: "asset" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const asset = useQuery({
    queryKey: assetKeys.detail(route.id),
    queryFn: () => assetsApi.get(route.id),
  });
  return (
    <>
      <BackLink
        label={t("assets.backToList")}
        onClick={() => go("assets")}
        testId="back-to-assets"
      />
      <QueryState query={asset}>{(a) => <AssetView a={a} />}</QueryState>
    </>
  );
}
