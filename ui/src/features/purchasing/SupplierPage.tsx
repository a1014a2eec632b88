import { Alert, Badge, Button, Card, Group, Rating, SimpleGrid, Stack, Text } from "@mantine/core";
import {
  IconAddressBook,
  IconBan,
  IconBuildingStore,
  IconFiles,
  IconPencil,
  IconTags,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { type Route, useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Supplier } from "../../bindings/Supplier";
import { formatDate } from "../../i18n/format";
import { BackLink, RecordPage } from "../../kit/RecordPage";
import { AttachmentsTab } from "../attachments/AttachmentsTab";
import { Fact } from "../audits/parts";
import { RecordAudits } from "../audits/RecordAudits";
import { BlockButton } from "./BlockModal";
import { SupplierMismatches, SupplierTolerancesCard } from "./match/SupplierMatch";
import { categoryLabel, SupplierStatusBadge } from "./parts";
import { PriceList } from "./prices/PriceList";
import { SupplierContacts } from "./SupplierContacts";
import { SupplierFormModal } from "./SupplierForm";
import { SupplierPerformance } from "./SupplierPerformance";
import "./i18n";

/** Suppliers' files (DURC, certificates, contracts) are attachments of their rows. */
const ENTITY = "suppliers";

function Details({ s }: { s: Supplier }) {
  const { t, i18n } = useTranslation();
  const none = t("common.none");
  const f = (k: string) => t(`purchasingUi.fields.${k}`);
  const address = [
    s.street,
    [s.postcode, s.city, s.province ? `(${s.province})` : null].filter(Boolean).join(" "),
    s.country !== "IT" ? s.country : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <Card>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Fact label={f("vat_number")}>
          <Text ff="monospace" data-testid="supplier-vat">
            {s.vat_number ?? none}
          </Text>
        </Fact>
        <Fact label={f("fiscal_code")}>{s.fiscal_code ?? none}</Fact>
        <Fact label={t("purchasingUi.suppliers.sections.address")}>{address || none}</Fact>
        <Fact label={f("pec")}>
          <Text style={{ overflowWrap: "anywhere" }}>{s.pec ?? none}</Text>
        </Fact>
        <Fact label={f("sdi_code")}>
          <Text ff="monospace">{s.sdi_code ?? none}</Text>
        </Fact>
        <Fact label={f("email")}>
          <Text style={{ overflowWrap: "anywhere" }}>{s.email ?? none}</Text>
        </Fact>
        <Fact label={f("phone")}>{s.phone ?? none}</Fact>
        <Fact label={f("website")}>
          <Text style={{ overflowWrap: "anywhere" }}>{s.website ?? none}</Text>
        </Fact>
        <Fact label={f("iban")}>
          <Text ff="monospace">{s.iban ?? none}</Text>
        </Fact>
        <Fact label={f("payment_terms")}>{s.payment_terms ?? none}</Fact>
        <Fact label={f("rating")}>
          {s.rating === null ? (
            <Text c="dimmed">{t("purchasingUi.suppliers.notRated")}</Text>
          ) : (
            <Rating value={s.rating} readOnly />
          )}
        </Fact>
        <Fact label={f("category_ids")}>
          {s.categories.length === 0 ? (
            <Text>{none}</Text>
          ) : (
            <Group gap={4}>
              {s.categories.map((c) => (
                <Badge key={c.id} variant="light">
                  {categoryLabel(c, i18n.language)}
                </Badge>
              ))}
            </Group>
          )}
        </Fact>
      </SimpleGrid>
      {s.notes && (
        <Stack gap={2} mt="lg">
          <Text size="xs" c="dimmed">
            {f("notes")}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{s.notes}</Text>
        </Stack>
      )}
    </Card>
  );
}

function SupplierView({ s, focus }: { s: Supplier; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("purchasing", "write");
  const [editing, setEditing] = useState(false);
  return (
    <RecordPage
      title={s.name}
      status={<SupplierStatusBadge status={s.status} reason={null} />}
      facts={[s.vat_number, s.city]}
      actions={
        canWrite ? (
          <Group gap="xs">
            <BlockButton s={s} />
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="supplier-edit"
            >
              {t("common.edit")}
            </Button>
          </Group>
        ) : null
      }
      notice={
        s.status === "blocked" ? (
          <Alert color="red" icon={<IconBan size={18} />} data-testid="supplier-blocked-notice">
            {t("purchasingUi.suppliers.blockedSince", {
              date: s.blocked_on ? formatDate(s.blocked_on, i18n.language) : "",
              reason: s.blocked_reason ?? "",
            })}
          </Alert>
        ) : null
      }
      details={{
        key: "details",
        label: t("purchasingUi.suppliers.tabs.details"),
        icon: IconBuildingStore,
        render: () => (
          <Stack>
            <Details s={s} />
            <SupplierPerformance supplierId={s.id} />
            <SupplierMismatches supplierId={s.id} />
            <SupplierTolerancesCard supplierId={s.id} />
            <RecordAudits entity={ENTITY} recordId={s.id} />
          </Stack>
        ),
      }}
      attachments={{
        key: "files",
        label: t("purchasingUi.suppliers.tabs.files"),
        icon: IconFiles,
        render: () => (
          <Stack>
            <Text size="sm" c="dimmed">
              {t("purchasingUi.suppliers.filesNote")}
            </Text>
            <AttachmentsTab entity={ENTITY} recordId={s.id} options={{ name: s.name, focus }} />
          </Stack>
        ),
      }}
      tabs={[
        {
          key: "contacts",
          label: t("purchasingUi.suppliers.tabs.contacts"),
          icon: IconAddressBook,
          render: () => <SupplierContacts supplierId={s.id} />,
        },
        {
          key: "prices",
          label: t("purchasingPrices.tab"),
          icon: IconTags,
          render: () => <PriceList supplierId={s.id} />,
        },
      ]}
    >
      <SupplierFormModal opened={editing} supplier={s} onClose={() => setEditing(false)} />
    </RecordPage>
  );
}

/** One supplier's page, opened from the list, search or Home. */
export function SupplierPage({ route }: { route: Extract<Route, { page: "supplier" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const supplier = useQuery({
    queryKey: purchasingKeys.supplier(route.id),
    queryFn: () => purchasingApi.supplier(route.id),
  });
  return (
    <>
      <BackLink
        label={t("purchasingUi.suppliers.backToList")}
        onClick={() => go("purchasing")}
        testId="back-to-suppliers"
      />
      <QueryState query={supplier}>
        {(s) => <SupplierView s={s} focus={route.focus ?? null} />}
      </QueryState>
    </>
  );
}
