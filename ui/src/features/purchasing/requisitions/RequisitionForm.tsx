import { Button, Divider, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { useNav } from "../../../app/nav";
import type { Requisition } from "../../../bindings/Requisition";
import { useSaveForm } from "../../../kit/useSaveForm";
import { orNull } from "../../../lib/useServerForm";
import { useAllDepartments } from "../../staff/catalog";
import { DateField } from "../../staff/parts";
import { LineEditor } from "../lines/LineEditor";
import { emptyLine, scaled } from "../lines/values";
import { WORDING } from "./parts";

type Props = { requisition: Requisition | null; onClose: () => void };

function RequisitionForm({ requisition: r, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const departments = useAllDepartments();
  const { form, submit, pending } = useSaveForm(
    {
      department_id: r?.department_id ? String(r.department_id) : (null as string | null),
      reason: r?.reason ?? "",
      needed_by: (r?.needed_by ?? null) as string | null,
      lines: r
        ? r.lines.map((l) => ({
            ...emptyLine(),
            item_code: l.item_code ?? "",
            description: l.description,
            unit: l.unit,
            quantity: l.quantity / 1000,
            estimated_price: l.estimated_price === null ? "" : l.estimated_price / 10_000,
          }))
        : [emptyLine()],
    },
    { area: WORDING },
    (v) =>
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
    (saved) => {
      qc.invalidateQueries({ queryKey: requisitionKeys.all });
      notifications.show({ color: "green", message: t("requisitionsUi.saved") });
      onClose();
      if (!r) go({ page: "requisition", id: saved.requisition.id });
    },
  );
  const l = (k: string) => t(`requisitionsUi.${k}`);
  return (
    <form onSubmit={submit} data-testid="requisition-form" noValidate>
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
        <LineEditor
          form={form}
          fields={["item_code", "description", "quantity", "unit", "estimated_price"]}
          word={(k) => t(`requisitionsUi.line.${k}`)}
          removeLabel={l("removeLine")}
          addLabel={l("addLine")}
          testId="requisition"
          aside={
            <Group>
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={pending} data-testid="requisition-save">
                {t("common.save")}
              </Button>
            </Group>
          }
        />
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
