import { Button, Group, Modal, NumberInput, Stack, Table, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import type { Requisition } from "../../../bindings/Requisition";
import type { Rfq } from "../../../bindings/Rfq";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { DateField } from "../../staff/parts";
import { scaled } from "../lines/values";
import { formatQuantity } from "../orders/parts";
import { WORDING } from "./parts";

type Props = { rfq: Rfq | null; requisition: Requisition; onClose: () => void };

/** The supplier's answer: a price (and discount) per line, delivery, validity, conditions. */
function OfferForm({ rfq, requisition: r, onClose }: Props & { rfq: Rfq }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const { form, showError } = useServerForm(
    {
      delivery_days: 10 as number | string,
      valid_until: null as string | null,
      conditions: "",
      lines: r.lines.map(() => ({
        unit_price: "" as number | string,
        discount_bp: 0 as number | string,
      })),
    },
    { area: WORDING },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      requisitionsApi.recordOffer(rfq.id, rfq.version, {
        delivery_days: Number(v.delivery_days || 0),
        valid_until: v.valid_until || null,
        conditions: orNull(v.conditions),
        lines: r.lines.map((l, i) => ({
          requisition_line_id: l.id,
          unit_price: scaled(v.lines[i]?.unit_price ?? "", 10_000),
          discount_bp: scaled(v.lines[i]?.discount_bp ?? 0, 100),
        })),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: requisitionKeys.all });
      notifications.show({ color: "green", message: t("requisitionsUi.quotes.offerSaved") });
      onClose();
    },
    onError: showError,
  });
  const q = (k: string) => t(`requisitionsUi.quotes.${k}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="offer-form" noValidate>
      <Stack gap="sm">
        <Table verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("requisitionsUi.line.description")}</Table.Th>
              <Table.Th ta="right">{t("requisitionsUi.line.quantity")}</Table.Th>
              <Table.Th w={150}>{q("unitPrice")}</Table.Th>
              <Table.Th w={100}>{q("discount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.lines.map((l, i) => (
              <Table.Tr key={l.id} data-testid="offer-line">
                <Table.Td>{l.description}</Table.Td>
                <Table.Td ta="right">
                  {formatQuantity(l.quantity, i18n.language)} {l.unit}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={q("unitPrice")}
                    decimalScale={4}
                    decimalSeparator={decimal}
                    thousandSeparator={thousands}
                    hideControls
                    {...form.getInputProps(`lines.${i}.unit_price`)}
                    name={`lines.${i}.unit_price`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={q("discount")}
                    decimalScale={2}
                    decimalSeparator={decimal}
                    hideControls
                    {...form.getInputProps(`lines.${i}.discount_bp`)}
                    name={`lines.${i}.discount_bp`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group grow align="flex-start">
          <NumberInput
            label={q("deliveryDays")}
            withAsterisk
            allowDecimal={false}
            min={0}
            {...form.getInputProps("delivery_days")}
            name="delivery_days"
          />
          <DateField
            field="valid_until"
            label={q("validUntil")}
            withAsterisk
            {...form.getInputProps("valid_until")}
          />
        </Group>
        <Textarea
          label={q("conditions")}
          autosize
          minRows={2}
          {...form.getInputProps("conditions")}
          name="conditions"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="offer-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OfferFormModal({ rfq, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={rfq !== null}
      onClose={props.onClose}
      title={rfq ? t("requisitionsUi.quotes.offerTitle", { supplier: rfq.supplier_name }) : ""}
      size="xl"
    >
      {rfq ? <OfferForm key={rfq.id} rfq={rfq} {...props} /> : null}
    </Modal>
  );
}
