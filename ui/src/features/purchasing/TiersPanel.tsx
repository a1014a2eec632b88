import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { orderKeys, ordersApi } from "../../api/orders";
import { useCan } from "../../app/session";
import type { ApprovalTier } from "../../bindings/ApprovalTier";
import type { ApproverRole } from "../../bindings/ApproverRole";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

type Row = { key: number; up_to: number | string; approver: ApproverRole; needed: string };

/** Rows keep a key of their own while tiers are added and removed around them. */
let nextKey = 0;

const toRows = (tiers: ApprovalTier[]): Row[] =>
  tiers.map((t) => ({
    key: nextKey++,
    up_to: t.up_to_cents === null ? "" : t.up_to_cents / 100,
    approver: t.approver,
    needed: String(t.approvals_needed),
  }));

/** Who approves orders by amount: administrators edit, everyone in purchasing reads. */
export function TiersPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canEdit = useCan("settings", "write");
  const tiers = useQuery({ queryKey: orderKeys.tiers(), queryFn: ordersApi.tiers });
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (tiers.data) setRows(toRows(tiers.data));
  }, [tiers.data]);
  const save = useMutation({
    mutationFn: () =>
      ordersApi.saveTiers(
        rows.map((r, i) => ({
          up_to_cents:
            r.up_to === "" || i === rows.length - 1 ? null : Math.round(Number(r.up_to) * 100),
          approver: r.approver,
          approvals_needed: Number(r.needed),
        })),
      ),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: orderKeys.tiers() });
      notifications.show({ color: "green", message: t("purchasingUi.tiers.saved") });
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const roles: ApproverRole[] = ["purchasing", "manager", "admin"];
  return (
    <Card>
      <Stack>
        <div>
          <Text fw={600}>{t("purchasingUi.tiers.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("purchasingUi.tiers.text")}
          </Text>
        </div>
        <Table verticalSpacing={6} data-testid="approval-tiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("purchasingUi.tiers.upTo")}</Table.Th>
              <Table.Th>{t("purchasingUi.tiers.approver")}</Table.Th>
              <Table.Th>{t("purchasingUi.tiers.needed")}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key} data-testid="approval-tier">
                <Table.Td>
                  {i === rows.length - 1 ? (
                    <Text size="sm" c="dimmed">
                      {t("purchasingUi.tiers.unbounded")}
                    </Text>
                  ) : (
                    <NumberInput
                      aria-label={t("purchasingUi.tiers.upTo")}
                      value={r.up_to}
                      onChange={(v) => set(i, { up_to: v })}
                      decimalSeparator={i18n.language === "it" ? "," : "."}
                      thousandSeparator={i18n.language === "it" ? "." : ","}
                      decimalScale={2}
                      min={0}
                      disabled={!canEdit}
                      hideControls
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t("purchasingUi.tiers.approver")}
                    data={roles.map((x) => ({ value: x, label: t(`purchasing.approver.${x}`) }))}
                    value={r.approver}
                    onChange={(v) => v && set(i, { approver: v as ApproverRole })}
                    allowDeselect={false}
                    disabled={!canEdit}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t("purchasingUi.tiers.needed")}
                    data={["1", "2"]}
                    value={r.needed}
                    onChange={(v) => v && set(i, { needed: v })}
                    allowDeselect={false}
                    disabled={!canEdit}
                    w={80}
                  />
                </Table.Td>
                <Table.Td>
                  {canEdit && rows.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("purchasingUi.tiers.remove")}
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit ? (
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setRows((rs) => [
                  ...rs.slice(0, -1),
                  { key: nextKey++, up_to: "", approver: "manager", needed: "1" },
                  ...rs.slice(-1),
                ])
              }
            >
              {t("purchasingUi.tiers.add")}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="tiers-save">
              {t("purchasingUi.tiers.save")}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t("purchasingUi.tiers.onlyAdmins")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
