import { ActionIcon, Badge, Group, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPencil, IconPower } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { departmentKeys, departmentsApi } from "../../api/departments";
import { settingsKeys } from "../../api/settings";
import type { Department } from "../../bindings/Department";
import type { DepartmentSort } from "../../bindings/DepartmentSort";
import { formatDateTime } from "../../i18n/format";
import type { ListColumn } from "../../kit/ServerList";
import { errorMessage } from "../../lib/errors";
import "./i18n";

function useToggleActive() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Department) => departmentsApi.setActive(d.id, d.version, !d.active),
    onSuccess: (d) => {
      qc.invalidateQueries({ queryKey: departmentKeys.all });
      qc.invalidateQueries({ queryKey: settingsKeys.home });
      notifications.show({
        color: "green",
        message: t(d.active ? "departments.reactivated" : "departments.deactivated"),
      });
    },
    onError: (e) => notifications.show({ color: "red", message: errorMessage(e, t) }),
  });
}

/** A row's buttons: edit, and (de)activate in a menu. */
function RowActions({ d, onEdit }: { d: Department; onEdit: (d: Department) => void }) {
  const { t } = useTranslation();
  const toggle = useToggleActive();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        aria-label={t("common.edit")}
        onClick={() => onEdit(d)}
        data-testid="department-edit"
      >
        <IconPencil size={16} />
      </ActionIcon>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={t("common.actions")}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconPower size={14} />}
            color={d.active ? "red" : undefined}
            onClick={() => toggle.mutate(d)}
            data-testid="department-toggle"
          >
            {t(d.active ? "departments.deactivate" : "departments.reactivate")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** The departments list's columns (their least widths fit the 1280-pixel window); the buttons' column only for those who may change them. */
export function useDepartmentColumns(
  onEdit: ((d: Department) => void) | null,
): ListColumn<Department, DepartmentSort>[] {
  const { t, i18n } = useTranslation();
  const none = t("common.none");
  const text = (v: string | null, bold = false) => (
    <Text size="sm" fw={bold ? 600 : undefined} truncate>
      {v ?? none}
    </Text>
  );
  const columns: ListColumn<Department, DepartmentSort>[] = [
    {
      key: "name",
      title: t("fields.departments.name"),
      width: "minmax(170px, 1.5fr)",
      sort: "name",
      cell: (d) => text(d.name, true),
    },
    {
      key: "code",
      title: t("fields.departments.code"),
      width: "minmax(90px, 0.7fr)",
      sort: "code",
      cell: (d) => text(d.code),
    },
    {
      key: "head",
      title: t("fields.departments.head"),
      width: "minmax(140px, 1.2fr)",
      sort: "head",
      cell: (d) => text(d.head),
    },
    {
      key: "cost_centre",
      title: t("fields.departments.cost_centre"),
      width: "minmax(160px, 1fr)",
      sort: "cost_centre",
      cell: (d) => text(d.cost_centre),
    },
    {
      key: "active",
      title: t("fields.departments.active"),
      width: "100px",
      cell: (d) => (
        <Badge color={d.active ? "green" : "gray"} variant="light">
          {t(d.active ? "departments.status.active" : "departments.status.inactive")}
        </Badge>
      ),
    },
    {
      key: "updated_at",
      title: t("common.updatedAt"),
      width: "145px",
      sort: "updated_at",
      cell: (d) => <Text size="sm">{formatDateTime(d.updated_at, i18n.language)}</Text>,
    },
  ];
  if (onEdit) {
    columns.push({
      key: "actions",
      title: "",
      width: "64px",
      interactive: true,
      cell: (d) => <RowActions d={d} onEdit={onEdit} />,
    });
  }
  return columns;
}
