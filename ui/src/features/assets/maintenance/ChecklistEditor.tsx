import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { PlanValues } from "./planValues";
import "./i18n";

/** The plan's checklist as lines to type, add and remove; Rust drops the blank ones. */
export function ChecklistEditor({ form }: { form: UseFormReturnType<PlanValues> }) {
  const { t } = useTranslation();
  const lines = form.values.checklist;
  const error = form.errors.checklist;
  return (
    <Input.Wrapper label={t("maintenance.fields.checklist")} error={error}>
      <Stack gap={6} mt={4} data-testid="plan-checklist">
        {lines.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("maintenance.checklistEmpty")}
          </Text>
        )}
        {lines.map((_, i) => (
          // Lines have no identity of their own but their place, as the completion's ticks.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t("maintenance.checklistItem", { n: i + 1 })}
              placeholder={t("maintenance.checklistItem", { n: i + 1 })}
              {...form.getInputProps(`checklist.${i}`)}
              data-testid="plan-checklist-item"
              data-index={i}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => form.removeListItem("checklist", i)}
              aria-label={t("maintenance.checklistRemove")}
              data-testid="plan-checklist-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("checklist", "")}
            data-testid="plan-checklist-add"
          >
            {t("maintenance.checklistAdd")}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
