import { ActionIcon, Badge, Button, Card, Group, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountsApi, userKeys } from "../../api/accounts";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import { formatDateTime } from "../../i18n/format";
import { UserFormModal } from "./UserFormModal";
import "./i18n";

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("users", "write");
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const users = useQuery({ queryKey: userKeys.list(), queryFn: accountsApi.list });
  return (
    <>
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        actions={
          canWrite ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing(null)}
              data-testid="user-new"
            >
              {t("users.new")}
            </Button>
          ) : null
        }
      />
      <Card>
        <QueryState query={users}>
          {(list) => (
            <Table highlightOnHover verticalSpacing="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("fields.users.full_name")}</Table.Th>
                  <Table.Th>{t("fields.users.username")}</Table.Th>
                  <Table.Th>{t("fields.users.roles")}</Table.Th>
                  <Table.Th>{t("fields.users.active")}</Table.Th>
                  <Table.Th>{t("common.updatedAt")}</Table.Th>
                  <Table.Th w={60} aria-label={t("common.actions")} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((u) => (
                  <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
                    <Table.Td fw={600}>{u.full_name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.roles.map((r) => (
                          <Badge key={r} variant="light" color={r === "admin" ? "red" : "indigo"}>
                            {t(`roles.${r}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={u.active ? "green" : "gray"} variant="light">
                        {t(u.active ? "users.active" : "users.disabled")}
                      </Badge>
                      {u.must_change_password ? (
                        <Text size="xs" c="orange">
                          {t("users.mustChange")}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{formatDateTime(u.updated_at, i18n.language)}</Table.Td>
                    <Table.Td>
                      {canWrite ? (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t("common.edit")}
                          onClick={() => setEditing(u.id)}
                          data-testid="user-edit"
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Card>
      <UserFormModal userId={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
