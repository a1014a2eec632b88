import { Alert, Button, Code, Stack, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { historyApi } from "../../api/history";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { formatDateTime, formatNumber } from "../../i18n/format";
import { errorMessage } from "../../lib/errors";
import "./i18n";

function problemText(r: VerifyReport, t: TFunction): string {
  const p = r.problem;
  if (!p) return "";
  const entity = p.entity ? t(`history.entity.${p.entity}`, { defaultValue: p.entity }) : "";
  return t(`history.problem.${p.kind}`, { change: p.change_id, entity, row: p.row_id });
}

export function VerifyButton({ onResult }: { onResult: (r: VerifyReport | Error) => void }) {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: historyApi.verify,
    onSuccess: onResult,
    onError: (e) => onResult(e instanceof Error ? e : new Error(String(e))),
  });
  return (
    <Button
      leftSection={<IconShieldCheck size={16} />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="history-verify"
    >
      {t("history.verify")}
    </Button>
  );
}

export function VerifyResult({ result }: { result: VerifyReport | Error }) {
  const { t, i18n } = useTranslation();
  if (result instanceof Error) {
    return (
      <Alert color="red" icon={<IconShieldX />} data-testid="verify-result" data-ok="false">
        {errorMessage(result, t)}
      </Alert>
    );
  }
  const lang = i18n.language;
  return result.ok ? (
    <Alert color="green" icon={<IconShieldCheck />} data-testid="verify-result" data-ok="true">
      <Stack gap={4}>
        <Text size="sm">
          {t("history.verifiedOk", {
            changes: formatNumber(result.changes_checked, lang),
            rows: formatNumber(result.rows_checked, lang),
          })}
        </Text>
        {result.against ? (
          <Text size="sm" data-testid="verify-against">
            {t("history.againstHead", {
              date: formatDateTime(result.against.exported_at, lang),
              count: formatNumber(result.against.count, lang),
            })}
          </Text>
        ) : null}
        {result.head_hash ? (
          <Text size="xs" c="dimmed" className="break-all">
            {t("history.head")}: <Code>{result.head_hash}</Code>
          </Text>
        ) : null}
      </Stack>
    </Alert>
  ) : (
    <Alert
      color="red"
      icon={<IconShieldX />}
      title={t("history.verifiedFail")}
      data-testid="verify-result"
      data-ok="false"
    >
      {problemText(result, t)}
    </Alert>
  );
}
