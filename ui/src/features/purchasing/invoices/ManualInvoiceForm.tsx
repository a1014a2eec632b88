import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { invoiceKeys, invoicesApi } from "../../../api/invoices";
import { useNav } from "../../../app/nav";
import { useSaveForm } from "../../../kit/useSaveForm";
import { orNull } from "../../../lib/useServerForm";
import { DateField } from "../../staff/parts";
import { LineEditor, LinesPreview } from "../lines/LineEditor";
import { emptyLine, natureOf, scaled } from "../lines/values";
import { SupplierPicker } from "../SupplierPickers";
import { documentTypeLabel, methodLabel } from "./parts";
import "./i18n";

const TYPES = ["TD01", "TD04", "TD05", "TD06", "TD02", "TD24"];
const METHODS = ["MP05", "MP01", "MP02", "MP08", "MP12", "MP19"];

const emptyDue = () => ({
  due_date: null as string | null,
  amount_cents: "" as number | string,
  method: "MP05" as string | null,
  iban: "",
});

function ManualInvoiceForm({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const f = (k: string) => t(`invoicesUi.form.${k}`);
  const ll = (k: string) => t(`invoicesUi.page.line.${k}`);
  const { form, submit, pending } = useSaveForm(
    {
      supplier_id: null as string | null,
      number: "",
      date: null as string | null,
      document_type: "TD01",
      order_numbers: "",
      notes: "",
      lines: [emptyLine()],
      dues: [] as ReturnType<typeof emptyDue>[],
    },
    { area: "invoicesUi" },
    (v) =>
      invoicesApi.saveManual({
        supplier_id: Number(v.supplier_id) || 0,
        number: v.number,
        date: v.date || null,
        document_type: v.document_type,
        order_numbers: v.order_numbers
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== ""),
        notes: orNull(v.notes),
        lines: v.lines.map((l) => ({
          item_code: null,
          description: l.description,
          unit: orNull(l.unit),
          quantity: scaled(l.quantity, 1000),
          unit_price: scaled(l.unit_price, 10_000),
          discount_bp: 0,
          vat_rate_bp: Number(l.vat_rate_bp),
          nature: natureOf(l),
        })),
        dues: v.dues.map((d) => ({
          due_date: d.due_date ?? "",
          amount_cents: scaled(d.amount_cents, 100),
          method: d.method,
          iban: orNull(d.iban),
        })),
      }),
    (saved) => {
      qc.invalidateQueries({ queryKey: invoiceKeys.all });
      notifications.show({ color: "green", message: f("saved") });
      onClose();
      go({ page: "invoice", id: saved.id, tab: "details" });
    },
  );
  return (
    <form onSubmit={submit} data-testid="invoice-form" noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <SupplierPicker
            label={f("supplier")}
            withAsterisk
            value={form.values.supplier_id}
            onChange={(v) => form.setFieldValue("supplier_id", v)}
            currentLabel={null}
            error={form.errors.supplier_id}
            data-testid="invoice-supplier"
          />
          <TextInput
            label={f("number")}
            withAsterisk
            {...form.getInputProps("number")}
            name="number"
            data-testid="invoice-number"
          />
          <DateField field="date" label={f("date")} withAsterisk {...form.getInputProps("date")} />
          <Select
            label={f("type")}
            data={TYPES.map((c) => ({ value: c, label: `${documentTypeLabel(c, t)} (${c})` }))}
            allowDeselect={false}
            {...form.getInputProps("document_type")}
            data-testid="invoice-type"
          />
        </Group>
        <TextInput
          label={f("orderNumbers")}
          description={f("orderNumbersHint")}
          {...form.getInputProps("order_numbers")}
          name="order_numbers"
        />
        <Divider label={<Text fw={600}>{f("lines")}</Text>} labelPosition="left" />
        <LineEditor
          form={form}
          fields={["description", "quantity", "unit", "unit_price", "vat_rate_bp"]}
          word={(k) =>
            k === "unit" || k === "nature" ? t(`purchasingUi.orders.line.${k}`) : ll(k)
          }
          removeLabel={f("removeLine")}
          addLabel={f("addLine")}
          testId="invoice-form"
          aside={
            <LinesPreview
              lines={form.values.lines}
              currency="EUR"
              testId="invoice-total-preview"
              words={(m) => t("invoicesUi.form.preview", m)}
            />
          }
        />
        <Divider label={<Text fw={600}>{f("dues")}</Text>} labelPosition="left" />
        {form.values.dues.map((_, i) => (
          <Group key={form.key(`dues.${i}`)} align="flex-start" data-testid="invoice-form-due">
            <DateField
              field={`dues.${i}.due_date`}
              label={f("dueDate")}
              {...form.getInputProps(`dues.${i}.due_date`)}
            />
            <NumberInput
              label={f("amount")}
              decimalScale={2}
              decimalSeparator={decimal}
              thousandSeparator={thousands}
              hideControls
              {...form.getInputProps(`dues.${i}.amount_cents`)}
              name={`dues.${i}.amount_cents`}
            />
            <Select
              label={f("method")}
              data={METHODS.map((m) => ({ value: m, label: methodLabel(m, t) }))}
              {...form.getInputProps(`dues.${i}.method`)}
            />
            <TextInput
              label={f("iban")}
              w={280}
              {...form.getInputProps(`dues.${i}.iban`)}
              name={`dues.${i}.iban`}
            />
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              aria-label={f("removeDue")}
              onClick={() => form.removeListItem("dues", i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {form.errors.dues && (
          <Text size="sm" c="red">
            {form.errors.dues}
          </Text>
        )}
        <Button
          variant="subtle"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem("dues", emptyDue())}
          data-testid="invoice-add-due"
        >
          {f("addDue")}
        </Button>
        <Textarea label={f("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending} data-testid="invoice-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ManualInvoiceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("invoicesUi.form.title")} size="90%">
      {opened ? <ManualInvoiceForm onClose={onClose} /> : null}
    </Modal>
  );
}
