import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { matchApi, matchKeys } from "../../../api/invoiceMatch";
import { purchasingKeys } from "../../../api/purchasing";
import { useCan } from "../../../app/session";
import { fieldErrors, problemMessage } from "../../../lib/errors";
import { fromForm, TolerancesFields, type TolerancesForm, toForm } from "./TolerancesFields";

/** The general match tolerances, beside the approval tiers: administrators edit them. */
export function TolerancesPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canEdit = useCan("settings", "write");
  const current = useQuery({ queryKey: matchKeys.tolerances(), queryFn: matchApi.tolerances });
  const [form, setForm] = useState<TolerancesForm>({ qty: 0, price: 0, cents: 0 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (current.data) setForm(toForm(current.data));
  }, [current.data]);
  const save = useMutation({
    mutationFn: () => matchApi.saveTolerances(fromForm(form)),
    onSuccess: () => {
      setErrors({});
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      notifications.show({ color: "green", message: t("invoiceMatch.tolerances.saved") });
    },
    onError: (e) => {
      const f = fieldErrors(e, t, "invoiceMatch");
      setErrors(f);
      if (Object.keys(f).length === 0)
        notifications.show({ color: "red", message: problemMessage(e, t, "invoiceMatch") });
    },
  });
  return (
    <Card mt="md">
      <Stack>
        <div>
          <Text fw={600}>{t("invoiceMatch.tolerances.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("invoiceMatch.tolerances.text")}
          </Text>
        </div>
        <TolerancesFields
          value={form}
          onChange={setForm}
          errors={errors}
          disabled={!canEdit}
          testId="match-tolerances"
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              data-testid="match-tolerances-save"
            >
              {t("invoiceMatch.tolerances.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
