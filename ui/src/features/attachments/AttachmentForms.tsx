import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPaperclip, IconRefresh } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { attachmentsApi } from "../../api/attachments";
import type { Attachment } from "../../bindings/Attachment";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import { DateField } from "../staff/parts";
import type { AttachmentKind, Owner } from "./options";
import "./i18n";

/** The area whose strings word this tab's errors (`attachments.fieldError`, `.badFile`). */
export const AREA = "attachments";

/** What the expiry input says under it, from the kind's rules (Rust applies them). */
function expiryHelp(kind: AttachmentKind | undefined, t: TFunction) {
  if (!kind) return undefined;
  if (!kind.expires) return t("attachments.noExpiryType");
  if (kind.validityMonths) return t("attachments.defaultExpiry", { n: kind.validityMonths });
  return t("attachments.expiryRequired");
}

type DatesValues = {
  title: string;
  issued_on: string | null;
  expires_on: string | null;
};

type InputProps = ReturnType<UseFormReturnType<DatesValues>["getInputProps"]>;

/** The two dates, the expiry explained by the kind when there is one. */
function Dates({
  issued,
  expires,
  kind,
  autofocus,
}: {
  issued: InputProps;
  expires: InputProps;
  kind?: AttachmentKind;
  autofocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <DateField
        label={t("fields.attachments.issued_on")}
        field="issued_on"
        data-autofocus={autofocus || undefined}
        {...issued}
      />
      <DateField
        label={t("fields.attachments.expires_on")}
        field="expires_on"
        withAsterisk={kind?.expires === true && !kind.validityMonths}
        description={expiryHelp(kind, t)}
        inputWrapperOrder={["label", "input", "description", "error"]}
        {...expires}
      />
    </Group>
  );
}

function Buttons({
  onClose,
  pending,
  label,
  icon,
  testid,
}: {
  onClose: () => void;
  pending: boolean;
  label: string;
  icon?: ReactNode;
  testid: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={pending} leftSection={icon} data-testid={testid}>
        {label}
      </Button>
    </Group>
  );
}

/** Kind (when the owner's area has a list), title and dates; then the open dialog. */
export function AttachForm({
  owner,
  kindId,
  onDone,
  onClose,
}: {
  owner: Owner;
  kindId: number | null;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const kinds = owner.kinds;
  const { form, showError } = useServerForm<DatesValues & { type_id: string | null }>(
    { type_id: kindId ? String(kindId) : null, title: "", issued_on: null, expires_on: null },
    { area: AREA },
  );
  const kind = kinds?.list.find((k) => String(k.id) === form.values.type_id);
  const attach = useMutation({
    mutationFn: (v: typeof form.values) =>
      attachmentsApi.attach(
        owner.entity,
        owner.recordId,
        {
          type_id: v.type_id ? Number(v.type_id) : null,
          title: v.title.trim() || null,
          issued_on: v.issued_on || null,
          expires_on: v.expires_on || null,
        },
        t("attachments.attachDialogTitle", { name: owner.name }),
      ),
    onSuccess: (a) => {
      onDone();
      notifications.show({
        color: "green",
        message: t("attachments.attached", { title: a.title }),
      });
      onClose();
    },
    onError: showError,
  });
  // Retired kinds stay on the files that have them and are offered for nothing new.
  const options = (kinds?.list ?? [])
    .filter((k) => k.active)
    .map((k) => ({ value: String(k.id), label: k.name }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        if (kinds && !v.type_id) {
          form.setFieldError("type_id", t("errors.field.required"));
          return;
        }
        attach.mutate(v);
      })}
      data-testid="attach-form"
      noValidate
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {kinds ? t("attachments.attachIntroKinds") : t("attachments.attachIntro")}
        </Text>
        {kinds ? (
          <Select
            label={kinds.label}
            withAsterisk
            data={options}
            searchable
            data-autofocus
            data-field="type_id"
            {...form.getInputProps("type_id")}
          />
        ) : null}
        <TextInput
          label={t("fields.attachments.title")}
          placeholder={t("attachments.titlePlaceholder")}
          data-autofocus={kinds ? undefined : true}
          {...form.getInputProps("title")}
          name="title"
        />
        <Dates
          issued={form.getInputProps("issued_on")}
          expires={form.getInputProps("expires_on")}
          kind={kind}
        />
        <Text size="xs" c="dimmed">
          {t("attachments.allowedFiles")}
        </Text>
        <Buttons
          onClose={onClose}
          pending={attach.isPending}
          label={t("attachments.chooseFile")}
          icon={<IconPaperclip size={16} />}
          testid="attach-choose"
        />
      </Stack>
    </form>
  );
}

/** A new file for the current version: its title carries over unless changed. */
export function RenewForm({
  owner,
  file,
  onDone,
  onClose,
}: {
  owner: Owner;
  file: Attachment;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kind = owner.kinds?.list.find((k) => k.id === file.type_id);
  const { form, showError } = useServerForm<DatesValues>(
    { title: file.title, issued_on: null, expires_on: null },
    { area: AREA },
  );
  const renew = useMutation({
    mutationFn: (v: typeof form.values) =>
      attachmentsApi.renew(
        file.id,
        file.version,
        {
          title: v.title.trim() || null,
          issued_on: v.issued_on || null,
          expires_on: v.expires_on || null,
        },
        t("attachments.renewDialogTitle", { title: file.title }),
      ),
    onSuccess: () => {
      onDone();
      notifications.show({ color: "green", message: t("attachments.renewed") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => renew.mutate(v))} data-testid="renew-form" noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("attachments.renewIntro")}
        </Text>
        <TextInput
          label={t("fields.attachments.title")}
          {...form.getInputProps("title")}
          name="title"
        />
        <Dates
          issued={form.getInputProps("issued_on")}
          expires={form.getInputProps("expires_on")}
          kind={kind}
          autofocus
        />
        <Buttons
          onClose={onClose}
          pending={renew.isPending}
          label={t("attachments.chooseNewFile")}
          icon={<IconRefresh size={16} />}
          testid="renew-choose"
        />
      </Stack>
    </form>
  );
}

/** Title and dates corrected; the file stays. */
export function EditForm({
  file,
  onDone,
  onClose,
}: {
  file: Attachment;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { form, showError } = useServerForm<DatesValues>(
    { title: file.title, issued_on: file.issued_on, expires_on: file.expires_on },
    { area: AREA },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      attachmentsApi.update(file.id, file.version, {
        title: v.title,
        issued_on: v.issued_on || null,
        expires_on: v.expires_on || null,
      }),
    onSuccess: () => {
      onDone();
      notifications.show({ color: "green", message: t("attachments.updated") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      data-testid="attachment-edit-form"
      noValidate
    >
      <Stack>
        <TextInput
          label={t("fields.attachments.title")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("title")}
          name="title"
        />
        <Dates
          issued={form.getInputProps("issued_on")}
          expires={form.getInputProps("expires_on")}
        />
        <Buttons
          onClose={onClose}
          pending={save.isPending}
          label={t("common.save")}
          testid="attachment-edit-save"
        />
      </Stack>
    </form>
  );
}

/** For a file attached by mistake; the version it renewed becomes current again. */
export function DeleteConfirm({
  file,
  onDone,
  onClose,
}: {
  file: Attachment;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation({
    mutationFn: () => attachmentsApi.remove(file.id, file.version),
    onSuccess: () => {
      onDone();
      notifications.show({
        color: "green",
        message: t("attachments.deleted", { title: file.title }),
      });
      onClose();
    },
    onError: (e) => notifyError(e, t, AREA),
  });
  return (
    <Stack>
      <Text size="sm">{t("attachments.deleteText", { title: file.title })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          data-testid="attachment-delete-confirm"
        >
          {t("attachments.delete")}
        </Button>
      </Group>
    </Stack>
  );
}
