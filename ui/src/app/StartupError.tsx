import { Alert, Center, Code, Paper, Stack, Text, Title } from "@mantine/core";
import { IconDatabaseOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../bindings/AppError";
import { errorMessage } from "../lib/errors";

/** Shown instead of the app when the database file cannot be used; nothing is written to it. */
export function StartupError({ error, dbPath }: { error: AppError; dbPath: string }) {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="xl">
      <Paper withBorder shadow="sm" p="xl" maw={640} data-testid="startup-error">
        <Stack>
          <Title order={2}>{t("startup.title")}</Title>
          <Alert color="red" icon={<IconDatabaseOff />} data-testid="startup-error-message">
            {errorMessage(error, t)}
          </Alert>
          <Text size="sm" c="dimmed">
            {t("startup.file")}
          </Text>
          <Code block className="break-all">
            {dbPath}
          </Code>
          <Text>{t("startup.untouched")}</Text>
          <Text size="sm" c="dimmed">
            {t("startup.hint")}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
