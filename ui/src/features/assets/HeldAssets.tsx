import { Anchor, Badge, Card, Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import { useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { Period } from "./Holders";
import "./i18n";

/** What a person holds now, on their file; a leaver's list is what they must give back. */
export function HeldAssets({ employeeId, leaving }: { employeeId: number; leaving: boolean }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const held = useQuery({
    queryKey: assetKeys.heldBy(employeeId),
    queryFn: () => assetsApi.heldBy(employeeId),
  });
  return (
    <QueryState query={held}>
      {(items) => (
        <Card p={0}>
          {items.length === 0 ? (
            <Text c="dimmed" p="md" data-testid="held-empty">
              {t("assets.held.empty")}
            </Text>
          ) : (
            <Table verticalSpacing={8} data-testid="held-assets">
              <Table.Tbody>
                {items.map((k) => (
                  <Table.Tr key={k.id} data-testid="held-row" data-tag={k.asset_tag}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        ff="monospace"
                        fw={600}
                        onClick={() => go({ page: "asset", id: k.asset_id })}
                      >
                        {k.asset_tag}
                      </Anchor>
                    </Table.Td>
                    <Table.Td fw={500}>{k.asset_name}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Period k={k} />
                        {leaving && (
                          <Badge color="red" variant="light" style={{ textTransform: "none" }}>
                            {t("assets.held.returnBefore")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td c="dimmed">{k.out_condition ?? ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </QueryState>
  );
}
