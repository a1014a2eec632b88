import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileTypePdf, IconPackage, IconShieldSearch } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditsApi } from "../../api/audits";
import { useCan } from "../../app/session";
import type { AuditPackCheck } from "../../bindings/AuditPackCheck";
import { formatDateTime } from "../../i18n/format";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

/** The audit's report and pack, through the save dialog, for those who may export audits. */
export function AuditOutputs({ auditId }: { auditId: number }) {
  const { t, i18n } = useTranslation();
  const canExport = useCan("audits", "export");
  const report = useMutation({
    mutationFn: () => auditsApi.exportReport(auditId, i18n.language, t("outputs.reportTitle")),
    onSuccess: (r) =>
      notifications.show({
        color: "green",
        message: t("outputs.reportSaved", { path: r.path, pages: r.pages }),
      }),
    onError: (e) => notifyError(e, t, "outputs"),
  });
  const pack = useMutation({
    mutationFn: () => auditsApi.exportPack(auditId, i18n.language, t("outputs.packTitle")),
    onSuccess: (r) =>
      notifications.show({
        color: "green",
        message: t("outputs.packSaved", { path: r.path, files: r.summary.evidence_files }),
        autoClose: 10000,
      }),
    onError: (e) => notifyError(e, t, "outputs"),
  });
  if (!canExport) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        loading={report.isPending}
        onClick={() => report.mutate()}
        data-testid="audit-report"
      >
        {t("outputs.report")}
      </Button>
      <Button
        variant="default"
        leftSection={<IconPackage size={16} />}
        loading={pack.isPending}
        onClick={() => pack.mutate()}
        data-testid="audit-pack"
      >
        {t("outputs.pack")}
      </Button>
    </>
  );
}

/** "Verify an audit pack": a ZIP chosen in the open dialog, checked, and the verdict in words. */
export function VerifyPackButton() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditPackCheck | null>(null);
  const verify = useMutation({
    mutationFn: () => auditsApi.verifyPack(t("outputs.verifyTitle")),
    onSuccess: setResult,
    onError: (e) => notifyError(e, t, "outputs"),
  });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconShieldSearch size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="pack-verify"
      >
        {t("outputs.verify")}
      </Button>
      <Modal
        opened={result !== null}
        onClose={() => setResult(null)}
        title={t("outputs.verifyResult")}
        size="lg"
      >
        {result && <PackVerdict r={result} />}
      </Modal>
    </>
  );
}

function PackVerdict({ r }: { r: AuditPackCheck }) {
  const { t, i18n } = useTranslation();
  const color = r.verdict === "intact" ? "green" : "red";
  const names = (label: string, list: string[], testId: string) =>
    list.length > 0 && (
      <div data-testid={testId}>
        <Text fw={600} size="sm">
          {label}
        </Text>
        <List size="sm">
          {list.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      </div>
    );
  return (
    <Stack data-testid="pack-verdict" data-verdict={r.verdict}>
      <Alert color={color} title={t(`outputs.verdict.${r.verdict}`)}>
        {r.audit_title && (
          <Text size="sm">
            {t("outputs.packOf", {
              title: r.audit_title,
              by: r.exported_by ?? "",
              at: r.exported_at ? formatDateTime(r.exported_at, i18n.language) : "",
            })}
          </Text>
        )}
        <Text size="sm">{t("outputs.filesOk", { n: r.ok })}</Text>
      </Alert>
      {names(t("outputs.changed"), r.changed, "pack-changed")}
      {names(t("outputs.missing"), r.missing, "pack-missing")}
      {names(t("outputs.added"), r.added, "pack-added")}
      {r.malformed.length > 0 && (
        <Text size="sm" c="red">
          {t("outputs.malformed", { n: r.malformed.length })}
        </Text>
      )}
      {r.verdict !== "not_a_pack" && (
        <Group gap="xs">
          <Text size="sm">
            {t(r.same_database ? "outputs.sameDatabase" : "outputs.otherDatabase")}
          </Text>
          {r.same_database && (
            <Text size="sm">{t(r.head_in_chain ? "outputs.headKept" : "outputs.headLost")}</Text>
          )}
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t("outputs.anywhere")}
      </Text>
    </Stack>
  );
}
