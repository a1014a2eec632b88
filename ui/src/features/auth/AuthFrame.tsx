import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconStack2 } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../app/LanguageSwitch";

/** The centred card that setup, sign-in and unlock share. */
export function AuthFrame({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string;
  subtitle?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Center mih="100%" p="xl">
      <Paper withBorder shadow="md" p="xl" radius="lg" w={width} maw="100%">
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size="xl" radius="md">
                <IconStack2 size={24} />
              </ThemeIcon>
              <Text fw={700} size="lg">
                {t("app.name")}
              </Text>
            </Group>
            <LanguageSwitch />
          </Group>
          <Stack gap={4}>
            <Title order={2} data-testid="auth-title">
              {title}
            </Title>
            {subtitle ? (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
