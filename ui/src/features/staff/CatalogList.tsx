/** The pieces every staff list shares: the card, retired entries, row actions, names. */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconPencil, IconPlus, IconRestore } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffCatalogApi, staffCatalogKeys } from "../../api/staff";
import { useRemembered } from "../../app/nav";
import { useCan } from "../../app/session";
import { notifyError } from "../../lib/useServerForm";
import { nameIn } from "./catalog";
import "./i18n";
import "./i18n-lists";

export function ListCard({
  intro,
  newLabel,
  onNew,
  extra,
  children,
}: {
  intro: string;
  newLabel: string;
  onNew: () => void;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const canWrite = useCan("staff", "write");
  return (
    <Card>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <Group gap="lg" wrap="nowrap" style={{ flexShrink: 0 }}>
          {extra}
          {canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
              {newLabel}
            </Button>
          ) : null}
        </Group>
      </Group>
      {children}
    </Card>
  );
}

/** One entry of a list that can be retired: contract type, document type or course. */
export type CatalogItem = {
  id: number;
  version: number;
  name_it: string;
  name_en: string | null;
  active: boolean;
};
export type CatalogKind = "contractType" | "documentType" | "course";

/**
 * Retired entries stay in the list, greyed and after the ones in use, so the manager sees what
 * was retired and can bring it back; the switch hides them. The choice is remembered per list.
 */
export function useShown<T extends CatalogItem>(kind: CatalogKind, items: T[] | undefined) {
  const { t } = useTranslation();
  const [show, setShow] = useRemembered<boolean>(`staffSettings.showInactive.${kind}`, true);
  const all = items ?? [];
  const inactive = all.filter((i) => !i.active).length;
  const rows = [...all.filter((i) => i.active), ...(show ? all.filter((i) => !i.active) : [])];
  const toggle =
    inactive > 0 ? (
      <Switch
        size="sm"
        checked={show}
        onChange={(e) => setShow(e.currentTarget.checked)}
        label={t("staffSettings.showInactive", { count: inactive })}
        data-testid="catalog-show-inactive"
      />
    ) : null;
  return { rows, toggle };
}

function setActive(kind: CatalogKind, item: CatalogItem, active: boolean): Promise<CatalogItem> {
  switch (kind) {
    case "contractType":
      return staffCatalogApi.setContractTypeActive(item.id, item.version, active);
    case "documentType":
      return staffCatalogApi.setDocumentTypeActive(item.id, item.version, active);
    case "course":
      return staffCatalogApi.setCourseActive(item.id, item.version, active);
  }
}

/**
 * Deactivate (after a confirmation that says what it means) or reactivate one entry. A refusal
 * (still required, changed meanwhile) comes back from Rust and is shown translated.
 */
function ActiveAction({ kind, item }: { kind: CatalogKind; item: CatalogItem }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("staff", "write");
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: (active: boolean) => setActive(kind, item, active),
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: staffCatalogKeys.all });
      notifications.show({
        color: "green",
        message: t(saved.active ? "staffSettings.reactivated" : "staffSettings.deactivated", {
          name: nameIn(saved, i18n.language),
        }),
      });
      setConfirming(false);
    },
    onError: (e) => {
      setConfirming(false);
      notifyError(e, t, "staff");
    },
  });
  if (!canWrite) return null;
  const name = nameIn(item, i18n.language);
  if (!item.active) {
    return (
      <Tooltip label={t("staffSettings.reactivate")}>
        <ActionIcon
          variant="subtle"
          aria-label={t("staffSettings.reactivate")}
          loading={toggle.isPending}
          onClick={() => toggle.mutate(true)}
          data-testid="catalog-reactivate"
        >
          <IconRestore size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <>
      <Tooltip label={t("staffSettings.deactivate")}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("staffSettings.deactivate")}
          onClick={() => setConfirming(true)}
          data-testid="catalog-deactivate"
        >
          <IconArchive size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("staffSettings.deactivateTitle", { name })}
        size="md"
      >
        <Stack data-testid="catalog-deactivate-dialog">
          <Text size="sm">{t(`staffSettings.deactivateText.${kind}`)}</Text>
          <Text size="sm" c="dimmed">
            {t("staffSettings.deactivateUndo")}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={toggle.isPending}
              onClick={() => toggle.mutate(false)}
              data-testid="catalog-deactivate-confirm"
            >
              {t("staffSettings.deactivate")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A list row, greyed when retired; `data-name` lets tests find an entry by its Italian name. */
export function CatalogRow({ item, children }: { item: CatalogItem; children: ReactNode }) {
  return (
    <Table.Tr
      className={item.active ? undefined : "catalog-inactive"}
      data-testid="catalog-row"
      data-name={item.name_it}
      data-active={item.active}
    >
      {children}
    </Table.Tr>
  );
}

export function RowActions({
  kind,
  item,
  onEdit,
}: {
  kind: CatalogKind;
  item: CatalogItem;
  onEdit: () => void;
}) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        <EditIcon onClick={onEdit} />
        <ActiveAction kind={kind} item={item} />
      </Group>
    </Table.Td>
  );
}

function EditIcon({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const canWrite = useCan("staff", "write");
  if (!canWrite) return null;
  return (
    <ActionIcon variant="subtle" aria-label={t("common.edit")} onClick={onClick}>
      <IconPencil size={16} />
    </ActionIcon>
  );
}

export function NameCell({
  item,
}: {
  item: { name_it: string; name_en: string | null; active: boolean };
}) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {item.name_it}
        </Text>
        {item.active ? null : (
          <Badge size="xs" color="gray" variant="light">
            {t("staff.inactive")}
          </Badge>
        )}
      </Group>
      {item.name_en ? (
        <Text size="xs" c="dimmed">
          {item.name_en}
        </Text>
      ) : null}
    </Table.Td>
  );
}
