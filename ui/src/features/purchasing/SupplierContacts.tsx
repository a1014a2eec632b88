import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { useCan } from "../../app/session";
import type { SupplierContact } from "../../bindings/SupplierContact";
import { notifyError, orNull, useServerForm } from "../../lib/useServerForm";
import "./i18n";

function ContactForm({
  supplierId,
  c,
  onClose,
}: {
  supplierId: number;
  c: SupplierContact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      name: c?.name ?? "",
      role: c?.role ?? "",
      email: c?.email ?? "",
      phone: c?.phone ?? "",
      notes: c?.notes ?? "",
    },
    { area: "purchasing" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      purchasingApi.saveContact(supplierId, c?.id ?? null, c?.version ?? 0, {
        name: v.name,
        role: orNull(v.role),
        email: orNull(v.email),
        phone: orNull(v.phone),
        notes: orNull(v.notes),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.contacts(supplierId) });
      notifications.show({ color: "green", message: t("purchasingUi.contacts.saved") });
      onClose();
    },
    onError: showError,
  });
  const l = (k: string) => t(`purchasingUi.contacts.${k}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="contact-form">
      <Stack>
        <Group grow align="flex-start">
          <TextInput
            label={l("name")}
            withAsterisk
            data-autofocus
            {...form.getInputProps("name")}
            name="name"
          />
          <TextInput label={l("role")} {...form.getInputProps("role")} name="role" />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={l("email")}
            type="email"
            {...form.getInputProps("email")}
            name="email"
          />
          <TextInput label={l("phone")} {...form.getInputProps("phone")} name="phone" />
        </Group>
        <Textarea label={l("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="contact-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The people to talk to at a supplier. */
export function SupplierContacts({ supplierId }: { supplierId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("purchasing", "write");
  const [editing, setEditing] = useState<SupplierContact | "new" | null>(null);
  const contacts = useQuery({
    queryKey: purchasingKeys.contacts(supplierId),
    queryFn: () => purchasingApi.contacts(supplierId),
  });
  const remove = useMutation({
    mutationFn: (c: SupplierContact) => purchasingApi.deleteContact(c.id, c.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.contacts(supplierId) });
      notifications.show({ color: "green", message: t("purchasingUi.contacts.deleted") });
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  const l = (k: string) => t(`purchasingUi.contacts.${k}`);
  const none = t("common.none");
  const rows = contacts.data ?? [];
  return (
    <Card>
      <Stack>
        {canWrite && (
          <Group justify="flex-end">
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing("new")}
              data-testid="contact-add"
            >
              {l("add")}
            </Button>
          </Group>
        )}
        {rows.length === 0 ? (
          <Text c="dimmed">{l("empty")}</Text>
        ) : (
          <Table verticalSpacing={8} data-testid="supplier-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{l("name")}</Table.Th>
                <Table.Th>{l("role")}</Table.Th>
                <Table.Th>{l("email")}</Table.Th>
                <Table.Th>{l("phone")}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-testid="contact-row">
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td>{c.role ?? none}</Table.Td>
                  <Table.Td>{c.email ?? none}</Table.Td>
                  <Table.Td>{c.phone ?? none}</Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t("common.edit")}
                          onClick={() => setEditing(c)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={l("delete")}
                          onClick={() => remove.mutate(c)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={l(editing === "new" ? "newTitle" : "editTitle")}
        size="lg"
      >
        {editing !== null && (
          <ContactForm
            supplierId={supplierId}
            c={editing === "new" ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Card>
  );
}
