import { Button, Group, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ServerFormOptions } from "../lib/useServerForm";
import { useSaveForm } from "./useSaveForm";

// The form of an entry of an editable list whose entries are retired (`RetiredListPanel`): the
// Italian (required) and English names, the list's own fields, cancel and save. Rust checks it;
// its errors land beside the inputs.

type Names = { name_it: string; name_en: string };

export function RetiredEntryForm<V extends Names & Record<string, unknown>>({
  initial,
  options,
  save,
  onSaved,
  onClose,
  labels,
  children,
}: {
  initial: V;
  options: ServerFormOptions<V>;
  /** Saves the form as typed. */
  save: (v: V) => Promise<unknown>;
  /** After a save: refresh and say so. The dialog closes itself. */
  onSaved: () => void;
  onClose: () => void;
  labels: { name_it: string; name_en: string };
  /** The list's own fields. */
  children: (form: UseFormReturnType<V>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { form, submit, pending } = useSaveForm(initial, options, save, () => {
    onSaved();
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={labels.name_it} withAsterisk {...form.getInputProps("name_it")} />
        <TextInput label={labels.name_en} {...form.getInputProps("name_en")} />
        {children(form)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
