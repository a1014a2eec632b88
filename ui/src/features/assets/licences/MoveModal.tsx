import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { consumableKeys, consumablesApi } from "../../../api/licences";
import type { Consumable } from "../../../bindings/Consumable";
import { useServerForm } from "../../../lib/useServerForm";
import { EmployeePicker } from "../../staff/EmployeePicker";
import { DateField } from "../../staff/parts";
import { type MoveDirection, moveInput } from "./values";
import "./i18n";

function MoveForm({
  item,
  direction,
  onClose,
}: {
  item: Consumable;
  direction: MoveDirection;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      quantity: 1 as number | string,
      employee_id: null as string | null,
      moved_on: null as string | null,
      note: "",
    },
    { area: "consumables" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) => consumablesApi.move(item.id, moveInput(direction, v)),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: consumableKeys.all });
      notifications.show({
        color: "green",
        message: t(direction === "issue" ? "consumables.move.issued" : "consumables.move.received"),
      });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`consumables.move.${f}`);
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      data-testid="move-form"
      data-direction={direction}
    >
      <Stack>
        <Text size="sm" c="dimmed" data-testid="move-stock">
          {t("consumables.move.inStock", { stock: item.stock, unit: item.unit })}
        </Text>
        <Group grow align="flex-start">
          <NumberInput
            label={label("quantity")}
            withAsterisk
            min={1}
            allowDecimal={false}
            allowNegative={false}
            suffix={` ${item.unit}`}
            data-autofocus
            {...form.getInputProps("quantity")}
            data-testid="move-quantity"
          />
          <DateField
            field="moved_on"
            label={label("moved_on")}
            {...form.getInputProps("moved_on")}
            data-testid="move-date"
          />
        </Group>
        {direction === "issue" && (
          <EmployeePicker
            label={label("person")}
            currentLabel={null}
            {...form.getInputProps("employee_id")}
            value={form.values.employee_id}
            onChange={(v) => form.setFieldValue("employee_id", v)}
            data-testid="move-person"
          />
        )}
        <TextInput label={label("note")} {...form.getInputProps("note")} data-testid="move-note" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            color={direction === "issue" ? "orange" : undefined}
            loading={save.isPending}
            data-testid="move-save"
          >
            {t(direction === "issue" ? "consumables.issue" : "consumables.receive")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export type MoveModalProps = {
  /** The item and which way its stock moves; null closes the modal. */
  move: { item: Consumable; direction: MoveDirection } | null;
  onClose: () => void;
};

/** Records stock received or issued (to a person, optionally); Rust refuses an issue beyond stock. */
export function MoveModal({ move, onClose }: MoveModalProps) {
  const { t } = useTranslation();
  const title = move
    ? t(
        move.direction === "issue"
          ? "consumables.move.issueTitle"
          : "consumables.move.receiveTitle",
        { name: move.item.name },
      )
    : "";
  return (
    <Modal opened={move !== null} onClose={onClose} title={title}>
      {move && <MoveForm item={move.item} direction={move.direction} onClose={onClose} />}
    </Modal>
  );
}
