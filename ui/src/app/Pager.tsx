import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../i18n/format";

export function Pager({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" data-testid="list-total">
        {t("common.total", { n: formatNumber(total, i18n.language) })}
      </Text>
      {pages > 1 ? <Pagination total={pages} value={page} onChange={onPage} size="sm" /> : null}
    </Group>
  );
}
