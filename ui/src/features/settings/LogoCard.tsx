import { Button, Card, Group, Image, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { settingsApi, settingsKeys } from "../../api/settings";
import { useCan } from "../../app/session";
import type { Organisation } from "../../bindings/Organisation";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

/** The organisation's logo printed on its documents: a preview, choose another, remove it. */
export function LogoCard({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("settings", "write");
  const logo = useQuery({
    queryKey: settingsKeys.logo(org.logo_sha256),
    queryFn: settingsApi.logo,
    enabled: org.logo_sha256 !== null,
  });
  const done = (saved: Organisation) => {
    qc.setQueryData(settingsKeys.organisation, saved);
    notifications.show({ color: "green", message: t("common.saved") });
  };
  const choose = useMutation({
    mutationFn: () => settingsApi.chooseLogo(t("settings.logo.dialogTitle")),
    onSuccess: done,
    onError: (e) => notifyError(e, t, "settings.logo"),
  });
  const clear = useMutation({
    mutationFn: settingsApi.clearLogo,
    onSuccess: done,
    onError: (e) => notifyError(e, t, "settings.logo"),
  });
  const url = org.logo_sha256 !== null ? logo.data : null;
  return (
    <Card maw={860} mt="md" data-testid="organisation-logo">
      <Stack gap="sm">
        <Title order={4}>{t("settings.logo.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("settings.logo.help")}
        </Text>
        {url ? (
          <Image
            src={url}
            alt={t("settings.logo.alt")}
            h={72}
            w="auto"
            fit="contain"
            data-testid="organisation-logo-preview"
          />
        ) : (
          <Text size="sm">{t("settings.logo.none")}</Text>
        )}
        {canWrite ? (
          <Group>
            <Button
              variant="default"
              loading={choose.isPending}
              onClick={() => choose.mutate()}
              data-testid="organisation-logo-choose"
            >
              {t("settings.logo.choose")}
            </Button>
            {org.logo_sha256 !== null ? (
              <Button
                variant="subtle"
                color="red"
                loading={clear.isPending}
                onClick={() => clear.mutate()}
                data-testid="organisation-logo-remove"
              >
                {t("settings.logo.remove")}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
