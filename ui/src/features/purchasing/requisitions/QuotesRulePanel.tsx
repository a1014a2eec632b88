import { Button, Card, Group, NumberInput, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { useCan } from "../../../app/session";
import type { QuotesRuleSetting } from "../../../bindings/QuotesRuleSetting";
import { useServerForm } from "../../../lib/useServerForm";
import { WORDING } from "./parts";

function RuleForm({ rule }: { rule: QuotesRuleSetting }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canEdit = useCan("settings", "write");
  const { form, showError } = useServerForm(
    {
      quotes_above_cents: (rule.above_cents === null ? "" : rule.above_cents / 100) as
        | number
        | string,
      quotes_required: rule.required as number | string,
    },
    { area: WORDING },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      requisitionsApi.saveQuotesRule({
        above_cents:
          v.quotes_above_cents === "" ? null : Math.round(Number(v.quotes_above_cents) * 100),
        required: Number(v.quotes_required || 0),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: requisitionKeys.quotesRule() });
      notifications.show({ color: "green", message: t("requisitionsUi.rule.saved") });
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="quotes-rule">
      <Text fw={600}>{t("requisitionsUi.rule.setTitle")}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t("requisitionsUi.rule.setText")}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label={t("requisitionsUi.rule.above")}
          placeholder={t("requisitionsUi.rule.off")}
          decimalScale={2}
          decimalSeparator={i18n.language === "it" ? "," : "."}
          thousandSeparator={i18n.language === "it" ? "." : ","}
          hideControls
          disabled={!canEdit}
          w={220}
          {...form.getInputProps("quotes_above_cents")}
        />
        <NumberInput
          label={t("requisitionsUi.rule.required")}
          min={1}
          max={10}
          allowDecimal={false}
          disabled={!canEdit}
          w={140}
          {...form.getInputProps("quotes_required")}
        />
        {canEdit && (
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        )}
      </Group>
    </form>
  );
}

/** The purchasing rule on quotes: above which net amount how many valid quotes are needed. */
export function QuotesRulePanel() {
  const rule = useQuery({
    queryKey: requisitionKeys.quotesRule(),
    queryFn: requisitionsApi.quotesRule,
  });
  return <Card mt="md">{rule.data ? <RuleForm rule={rule.data} /> : null}</Card>;
}
