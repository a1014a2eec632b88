import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import type { Finding } from "../../bindings/Finding";
import type { FindingSeverity } from "../../bindings/FindingSeverity";
import type { ItemResult } from "../../bindings/ItemResult";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { AssetPicker } from "../assets/AssetPickers";
import { SupplierPicker } from "../purchasing/SupplierPickers";
import { EmployeePicker } from "../staff/EmployeePicker";
import "./i18n";

type AboutKind = "none" | "employees" | "assets" | "suppliers";
const ABOUT_KINDS: AboutKind[] = ["none", "employees", "assets", "suppliers"];
const KINDS_NAMED: string[] = ["employees", "assets", "suppliers"];

/** The record the form names; a subject of another kind, set elsewhere, is kept as it was. */
function subjectOf(
  v: { aboutKind: AboutKind; about: string | null; asset: string | null; supplier: string | null },
  finding: Finding | null,
) {
  if (v.aboutKind === "employees" && v.about) return { entity: "employees", id: Number(v.about) };
  if (v.aboutKind === "assets" && v.asset) return { entity: "assets", id: Number(v.asset) };
  if (v.aboutKind === "suppliers" && v.supplier) {
    return { entity: "suppliers", id: Number(v.supplier) };
  }
  const other = finding?.subject;
  return other && !KINDS_NAMED.includes(other.entity) ? other : null;
}

type Props = {
  opened: boolean;
  auditId: number;
  /** The item the finding is raised from, for a new one. */
  item: ItemResult | null;
  /** The finding edited; `null` raises a new one. */
  finding: Finding | null;
  onClose: () => void;
};

function FindingForm({ auditId, item, finding, onClose }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initialSeverity: FindingSeverity =
    finding?.severity ??
    (item?.outcome === "major"
      ? "major"
      : item?.outcome === "observation"
        ? "observation"
        : "minor");
  const whys = [...(finding?.whys ?? []), "", "", "", "", ""].slice(0, 5);
  const { form, showError } = useServerForm(
    {
      severity: initialSeverity,
      title: finding?.title ?? (item ? `${item.code} – ${item.requirement}`.slice(0, 200) : ""),
      description: finding?.description ?? item?.notes ?? "",
      root_cause: finding?.root_cause ?? "",
      whys,
      // What the finding is about, if anything: a person, an asset or a supplier.
      aboutKind: (finding?.subject && KINDS_NAMED.includes(finding.subject.entity)
        ? finding.subject.entity
        : "none") as AboutKind,
      about:
        finding?.subject?.entity === "employees"
          ? String(finding.subject.id)
          : (null as string | null),
      asset:
        finding?.subject?.entity === "assets"
          ? String(finding.subject.id)
          : (null as string | null),
      supplier:
        finding?.subject?.entity === "suppliers"
          ? String(finding.subject.id)
          : (null as string | null),
    },
    { area: "findings", alias: { subject: "about" } },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const input = {
        severity: v.severity,
        title: v.title,
        description: orNull(v.description),
        root_cause: orNull(v.root_cause),
        whys: v.whys.filter((w) => w.trim() !== ""),
        subject: subjectOf(v, finding),
      };
      return finding
        ? auditsApi.updateFinding(finding.id, finding.version, input)
        : auditsApi.raiseFinding(auditId, item?.item_id ?? null, input);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({
        color: "green",
        message: t(finding ? "findings.updated" : "findings.raised"),
      });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="finding-form">
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("findings.fields.severity")}
          </Text>
          <SegmentedControl
            value={form.values.severity}
            onChange={(v) => form.setFieldValue("severity", v as FindingSeverity)}
            data={(["major", "minor", "observation"] as const).map((s) => ({
              value: s,
              label: t(`findings.severity.${s}`),
            }))}
            data-testid="finding-severity"
          />
        </div>
        <TextInput
          label={t("findings.fields.title")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("title")}
          name="title"
          data-testid="finding-title"
        />
        <Textarea
          label={t("findings.fields.description")}
          autosize
          minRows={3}
          {...form.getInputProps("description")}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("findings.fields.about")}
          </Text>
          <SegmentedControl
            value={form.values.aboutKind}
            onChange={(v) => form.setFieldValue("aboutKind", v as AboutKind)}
            data={ABOUT_KINDS.map((k) => ({
              value: k,
              label: t(`findings.fields.aboutKind.${k}`),
            }))}
            data-testid="finding-about-kind"
          />
        </div>
        {form.values.aboutKind === "employees" && (
          <EmployeePicker
            aria-label={t("findings.fields.aboutKind.employees")}
            currentLabel={finding?.subject?.entity === "employees" ? finding.subject_name : null}
            value={form.values.about}
            onChange={(v) => form.setFieldValue("about", v)}
            error={form.errors.about}
            data-testid="finding-about"
          />
        )}
        {form.values.aboutKind === "assets" && (
          <AssetPicker
            aria-label={t("findings.fields.aboutKind.assets")}
            currentLabel={finding?.subject?.entity === "assets" ? finding.subject_name : null}
            value={form.values.asset}
            onChange={(v) => form.setFieldValue("asset", v)}
            error={form.errors.about}
            data-testid="finding-asset"
          />
        )}
        {form.values.aboutKind === "suppliers" && (
          <SupplierPicker
            aria-label={t("findings.fields.aboutKind.suppliers")}
            currentLabel={finding?.subject?.entity === "suppliers" ? finding.subject_name : null}
            value={form.values.supplier}
            onChange={(v) => form.setFieldValue("supplier", v)}
            error={form.errors.about}
            data-testid="finding-supplier"
          />
        )}
        <Textarea
          label={t("findings.fields.root_cause")}
          autosize
          minRows={2}
          {...form.getInputProps("root_cause")}
        />
        <Text size="sm" fw={500}>
          {t("findings.fields.whys")}
        </Text>
        {form.values.whys.map((_, n) => (
          <TextInput
            // The five answers are positions, not records.
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions
            key={n}
            size="xs"
            placeholder={t("findings.fields.why", { n: n + 1 })}
            {...form.getInputProps(`whys.${n}`)}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="finding-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FindingModal({ opened, auditId, item, finding, onClose }: Props) {
  const { t } = useTranslation();
  const title = finding
    ? t("findings.editTitle")
    : item
      ? t("audits.findingFor", { code: item.code })
      : t("findings.newTitle");
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened && <FindingForm auditId={auditId} item={item} finding={finding} onClose={onClose} />}
    </Modal>
  );
}
