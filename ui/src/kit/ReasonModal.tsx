import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Wording } from "../lib/errors";
import { useSaveForm } from "./useSaveForm";

// A step that asks why before it runs (blocking a supplier, reversing a receipt…): what the step
// does, the reason, cancel and the red confirm button. Rust checks the reason; its error shows
// under the field and the dialog stays open.

export type ReasonWords = {
  title: string;
  /** What the step does, above the field. */
  text: string;
  label: string;
  confirm: string;
};

type Props = {
  words: ReasonWords;
  /** Runs the step with the reason as typed. */
  run: (reason: string) => Promise<unknown>;
  /** After the step ran: refresh and say so. The dialog closes itself. */
  onDone: () => void;
  /** Whose translations word the errors. */
  area: Wording;
  testId: { reason: string; confirm: string };
};

function ReasonForm({
  words,
  run,
  onDone,
  area,
  testId,
  onClose,
}: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const { form, submit, pending } = useSaveForm(
    { reason: "" },
    { area },
    (v) => run(v.reason),
    () => {
      onDone();
      onClose();
    },
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{words.text}</Text>
        <Textarea
          label={words.label}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
          data-testid={testId.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="red" loading={pending} data-testid={testId.confirm}>
            {words.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The dialog: a fresh form each time it opens. */
export function ReasonModal({
  opened,
  onClose,
  ...props
}: Props & { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.words.title}>
      {opened ? <ReasonForm {...props} onClose={onClose} /> : null}
    </Modal>
  );
}
