import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { useNav } from "../../../app/nav";
import type { Requisition } from "../../../bindings/Requisition";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { useAllDepartments } from "../../staff/catalog";
import { DateField } from "../../staff/parts";
import { WORDING } from "./parts";

type LineValues = {
  item_code: string;
  description: string;
  unit: string;
  quantity: number | string;
  estimated_price: number | string;
};

const emptyLine = (): LineValues => ({
  item_code: "",
  description: "",
  unit: "pz",
  quantity: 1,
  estimated_price: "",
});

/** A typed decimal scaled to an integer (12,5 → 12500 thousandths). */
const scaled = (v: number | string, scale: number) =>
  v === "" || v === null ? 0 : Math.round(Number(v) * scale);

type Props = { requisition: Requisition | null; onClose: () => void };

function RequisitionForm({ requisition: r, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const departments = useAllDepartments();
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const { form, showError } = useServerForm(
    {
      department_id: r?.department_id ? String(r.department_id) : (null as string | null),
      reason: r?.reason ?? "",
      needed_by: (r?.needed_by ?? null) as string | null,
      lines: r
        ? r.lines.map((l) => ({
            item_code: l.item_code ?? "",
            description: l.description,
            unit: l.unit,
            quantity: l.quantity / 1000,
            estimated_price: l.estimated_price === null ? "" : l.estimated_price / 10_000,
          }))
        : [emptyLine()],
    },
    { area: WORDING },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      requisitionsApi.save(r?.id ?? null, r?.version ?? 0, {
        department_id: v.department_id ? Number(v.department_id) : null,
        reason: v.reason,
        needed_by: v.needed_by || null,
        lines: v.lines.map((l) => ({
          item_code: orNull(l.item_code),
          description: l.description,
          category_id: null,
          unit: orNull(l.unit),
          quantity: scaled(l.quantity, 1000),
          estimated_price: l.estimated_price === "" ? null : scaled(l.estimated_price, 10_000),
        })),
      }),
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: requisitionKeys.all });
      notifications.show({ color: "green", message: t("requisitionsUi.saved") });
      onClose();
      if (!r) go({ page: "requisition", id: saved.requisition.id });
    },
    onError: showError,
  });
  const l = (k: string) => t(`requisitionsUi.${k}`);
  const ll = (k: string) => t(`requisitionsUi.line.${k}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="requisition-form" noValidate>
      <Stack gap="sm">
        <Textarea
          label={l("why")}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
          name="reason"
          data-testid="requisition-reason"
        />
        <Group grow align="flex-start">
          <Select
            label={l("department")}
            data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
            clearable
            searchable
            {...form.getInputProps("department_id")}
          />
          <DateField field="needed_by" label={l("neededBy")} {...form.getInputProps("needed_by")} />
        </Group>
        <Divider label={<Text fw={600}>{l("lines")}</Text>} labelPosition="left" />
        <Table verticalSpacing={4} horizontalSpacing={4} data-testid="requisition-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{ll("item_code")}</Table.Th>
              <Table.Th>{ll("description")}</Table.Th>
              <Table.Th w={100}>{ll("quantity")}</Table.Th>
              <Table.Th w={70}>{ll("unit")}</Table.Th>
              <Table.Th w={160}>{ll("estimated_price")}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.lines.map((_, i) => (
              <Table.Tr key={form.key(`lines.${i}`)} data-testid="requisition-line">
                <Table.Td>
                  <TextInput
                    aria-label={ll("item_code")}
                    {...form.getInputProps(`lines.${i}.item_code`)}
                    name={`lines.${i}.item_code`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={ll("description")}
                    {...form.getInputProps(`lines.${i}.description`)}
                    name={`lines.${i}.description`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={ll("quantity")}
                    decimalScale={3}
                    decimalSeparator={decimal}
                    thousandSeparator={thousands}
                    hideControls
                    {...form.getInputProps(`lines.${i}.quantity`)}
                    name={`lines.${i}.quantity`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={ll("unit")}
                    {...form.getInputProps(`lines.${i}.unit`)}
                    name={`lines.${i}.unit`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={ll("estimated_price")}
                    decimalScale={4}
                    decimalSeparator={decimal}
                    thousandSeparator={thousands}
                    hideControls
                    {...form.getInputProps(`lines.${i}.estimated_price`)}
                    name={`lines.${i}.estimated_price`}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={l("removeLine")}
                    disabled={form.values.lines.length === 1}
                    onClick={() => form.removeListItem("lines", i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem("lines", emptyLine())}
            data-testid="requisition-add-line"
          >
            {l("addLine")}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="requisition-save">
              {t("common.save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

export function RequisitionFormModal({ opened, ...props }: Props & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t(props.requisition ? "requisitionsUi.editTitle" : "requisitionsUi.newTitle")}
      size="80%"
    >
      {opened ? <RequisitionForm key={props.requisition?.id ?? "new"} {...props} /> : null}
    </Modal>
  );
}
