import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../../api/assets";
import { orderKeys } from "../../../api/orders";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import { receiptsApi } from "../../../api/receipts";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { useServerForm } from "../../../lib/useServerForm";
import { DateField } from "../../staff/parts";
import { formatQuantity } from "../orders/parts";
import { categoryLabel } from "../parts";
import { backOrder, initialValues, onFormRows, toInput } from "./receiveForm";
import "../i18n-receiving";

/** The purchase category whose lines are IT goods: their "create assets" switch starts on. */
const IT_CATEGORY = "it_hardware";

function ReceiveForm({
  o,
  itLines,
  onClose,
}: {
  o: PurchaseOrder;
  itLines: Set<number>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const r = (k: string) => t(`receiving.${k}`);
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const { form, showError } = useServerForm(initialValues(o, itLines), { area: "receiving" });
  const assetCategories = useQuery({
    queryKey: assetKeys.categories(false),
    queryFn: () => assetsApi.categories(false),
  });
  const save = useMutation({
    mutationFn: async (v: typeof form.values) => {
      const { input, rows } = toInput(o.id, v);
      try {
        return await receiptsApi.receive(input);
      } catch (e) {
        throw onFormRows(e, rows);
      }
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: orderKeys.all });
      notifications.show({ color: "green", message: r("saved") });
      onClose();
    },
    onError: showError,
  });
  const byId = new Map(o.lines.map((l) => [l.id, l]));
  const qty = (milli: number, unit: string) => `${formatQuantity(milli, i18n.language)} ${unit}`;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="receive-form">
      <Stack gap="sm">
        <Text size="sm">{r("receiveText")}</Text>
        <Group grow align="flex-start">
          <DateField
            field="received_on"
            label={r("received_on")}
            withAsterisk
            clearable={false}
            {...form.getInputProps("received_on")}
          />
          <TextInput
            label={r("delivery_note")}
            {...form.getInputProps("delivery_note")}
            name="delivery_note"
          />
          <DateField
            field="delivery_note_date"
            label={r("delivery_note_date")}
            {...form.getInputProps("delivery_note_date")}
          />
        </Group>
        <Table verticalSpacing={4} horizontalSpacing={6} data-testid="receive-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{r("description")}</Table.Th>
              <Table.Th ta="right">{r("ordered")}</Table.Th>
              <Table.Th ta="right">{r("received")}</Table.Th>
              <Table.Th ta="right">{r("remaining")}</Table.Th>
              <Table.Th w={130}>{r("now")}</Table.Th>
              <Table.Th w={220}>{r("createAssets")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.lines.map((v, i) => {
              const l = byId.get(v.order_line_id);
              if (!l) return null;
              return (
                <Table.Tr
                  key={v.order_line_id}
                  data-testid="receive-line"
                  data-position={l.position}
                >
                  <Table.Td>{l.position}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {l.description}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{qty(l.quantity, l.unit)}</Table.Td>
                  <Table.Td ta="right">{qty(l.received, l.unit)}</Table.Td>
                  <Table.Td ta="right" data-testid="receive-line-remaining">
                    {qty(backOrder(l), l.unit)}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${r("now")} ${l.position}`}
                      decimalScale={3}
                      decimalSeparator={decimal}
                      thousandSeparator={thousands}
                      hideControls
                      {...form.getInputProps(`lines.${i}.quantity`)}
                      name={`lines.${i}.quantity`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Switch
                        label={r("createAssets")}
                        size="xs"
                        {...form.getInputProps(`lines.${i}.assets`, { type: "checkbox" })}
                        data-testid="receive-line-assets"
                      />
                      {v.assets && (
                        <Select
                          aria-label={r("assetCategory")}
                          placeholder={r("assetCategory")}
                          data={(assetCategories.data ?? []).map((c) => ({
                            value: String(c.id),
                            label: categoryLabel(c, i18n.language),
                          }))}
                          size="xs"
                          {...form.getInputProps(`lines.${i}.asset_category_id`)}
                          data-testid="receive-line-asset-category"
                        />
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {form.errors.lines && (
          <Text size="sm" c="red" data-testid="receive-lines-error">
            {form.errors.lines}
          </Text>
        )}
        <Textarea label={r("notes")} autosize minRows={1} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="receive-save">
            {r("save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The receive form in a dialog, for an approved, sent or partly received order. */
export function ReceiveModal({
  o,
  opened,
  onClose,
}: {
  o: PurchaseOrder;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
    enabled: opened,
  });
  const it = (categories.data ?? []).find((c) => c.code === IT_CATEGORY);
  const itLines = new Set(o.lines.filter((l) => it && l.category_id === it.id).map((l) => l.id));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="80rem"
      title={t("receiving.receiveTitle", { number: o.number ?? "" })}
    >
      {opened && (categories.isSuccess || categories.isError) ? (
        <ReceiveForm o={o} itLines={itLines} onClose={onClose} />
      ) : null}
    </Modal>
  );
}
