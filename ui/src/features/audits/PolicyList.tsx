import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { IconFileCertificate, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { formatDate } from "../../i18n/format";
import { ListEmpty } from "../../kit/listParts";
import { PolicyFormModal } from "./PolicyForm";
import "./i18n";

/** The company's policies, soonest review first (tens of them, one page). */
export function PolicyList({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const [creating, setCreating] = useState(false);
  const query = { search: null, with_retired: false, page: { offset: 0, limit: 500 } };
  const list = useQuery({
    queryKey: auditKeys.policies(query),
    queryFn: () => auditsApi.policies(query),
  });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      {canWrite && (
        <Group mb="md">
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="policy-new"
          >
            {t("policies.new")}
          </Button>
        </Group>
      )}
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <ListEmpty icon={IconFileCertificate} title={t("policies.empty")} text={null} />
          ) : (
            <Table highlightOnHover verticalSpacing={8} data-testid="policies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("policies.fields.title")}</Table.Th>
                  <Table.Th w={120}>{t("policies.fields.kind")}</Table.Th>
                  <Table.Th w={90}>{t("policies.fields.version_label")}</Table.Th>
                  <Table.Th w={170}>{t("policies.fields.owner")}</Table.Th>
                  <Table.Th w={150}>{t("policies.fields.next_review_on")}</Table.Th>
                  <Table.Th w={170}>{t("policies.fields.read")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((p) => {
                  const late = p.next_review_on !== null && p.next_review_on < today;
                  return (
                    <Table.Tr
                      key={p.id}
                      style={{ cursor: "pointer" }}
                      onClick={() => go({ page: "policy", id: p.id, tab: "details" })}
                      data-testid="policy-row"
                      data-title={p.title}
                    >
                      <Table.Td fw={600}>{p.title}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {t(`policies.kinds.${p.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{p.version_label}</Table.Td>
                      <Table.Td>{p.owner_name ?? t("common.none")}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c={late ? "red" : undefined} fw={late ? 600 : undefined}>
                          {p.next_review_on
                            ? formatDate(p.next_review_on, i18n.language)
                            : t("common.none")}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t("policies.readCount", { n: p.acknowledged, all: p.staff })}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <PolicyFormModal opened={creating} policy={null} onClose={() => setCreating(false)} />
    </>
  );
}
