import { Badge, Group, Rating, Text, Tooltip } from "@mantine/core";
import { IconClockExclamation } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SupplierRow } from "../../bindings/SupplierRow";
import type { SupplierSort } from "../../bindings/SupplierSort";
import type { ListColumn } from "../../kit/ServerList";
import { SupplierStatusBadge } from "./parts";
import "./i18n";

/** The supplier list's columns; their least widths fit the 1280-pixel window. */
export function useSupplierColumns(): ListColumn<SupplierRow, SupplierSort>[] {
  const { t } = useTranslation();
  const none = t("common.none");
  const f = (k: string) => t(`purchasingUi.fields.${k}`);
  return [
    {
      key: "name",
      title: f("name"),
      width: "minmax(220px, 2fr)",
      sort: "name",
      cell: (s) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600} truncate>
            {s.name}
          </Text>
          {s.files_expiring > 0 && (
            <Tooltip label={t("purchasingUi.suppliers.filesExpiring", { count: s.files_expiring })}>
              <Badge
                size="sm"
                color="orange"
                variant="light"
                leftSection={<IconClockExclamation size={12} />}
                aria-label={t("purchasingUi.suppliers.filesExpiring", { count: s.files_expiring })}
                data-testid="supplier-files-expiring"
                style={{ flexShrink: 0 }}
              >
                {s.files_expiring}
              </Badge>
            </Tooltip>
          )}
        </Group>
      ),
    },
    {
      key: "vat_number",
      title: f("vat_number"),
      width: "minmax(140px, 1fr)",
      cell: (s) => (
        <Text size="sm" ff="monospace">
          {s.vat_number ?? none}
        </Text>
      ),
    },
    {
      key: "city",
      title: f("city"),
      width: "minmax(150px, 1fr)",
      sort: "city",
      cell: (s) => (
        <Text size="sm" truncate>
          {s.city
            ? `${s.city}${s.province ? ` (${s.province})` : ""}${s.country !== "IT" ? ` · ${s.country}` : ""}`
            : none}
        </Text>
      ),
    },
    {
      key: "rating",
      title: f("rating"),
      width: "110px",
      sort: "rating",
      cell: (s) =>
        s.rating === null ? (
          <Text size="sm" c="dimmed" aria-label={t("purchasingUi.suppliers.notRated")}>
            —
          </Text>
        ) : (
          <Rating value={s.rating} readOnly size="sm" aria-label={`${s.rating}/5`} />
        ),
    },
    {
      key: "status",
      title: f("status"),
      width: "110px",
      sort: "status",
      cell: (s) => <SupplierStatusBadge status={s.status} reason={s.blocked_reason} />,
    },
  ];
}
