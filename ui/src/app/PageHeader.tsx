import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap" gap="xl">
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Title order={2} data-testid="page-title">
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {actions ? <div style={{ flexShrink: 0 }}>{actions}</div> : null}
    </Group>
  );
}
