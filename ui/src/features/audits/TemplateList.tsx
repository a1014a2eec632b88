import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCopy, IconFilePlus, IconListDetails } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import type { Template } from "../../bindings/Template";
import { ListEmpty } from "../../kit/listParts";
import { orNull, useServerForm } from "../../lib/useServerForm";
import "./i18n";

/** The checklists, one card each; few enough to show at once (a hundred at most per page). */
export function TemplateList({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const [creating, setCreating] = useState<{ copyOf: Template | null } | null>(null);
  const list = useQuery({
    queryKey: auditKeys.templates(null, true),
    queryFn: () => auditsApi.templates(null, true, { offset: 0, limit: 200 }),
  });
  return (
    <>
      {canWrite && (
        <Group mb="md">
          <Button
            leftSection={<IconFilePlus size={16} />}
            onClick={() => setCreating({ copyOf: null })}
            data-testid="template-new"
          >
            {t("checklists.new")}
          </Button>
        </Group>
      )}
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <ListEmpty icon={IconListDetails} title={t("checklists.empty")} text={null} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
              {page.items.map((tpl) => (
                <Card
                  key={tpl.id}
                  withBorder
                  data-testid="template-card"
                  data-name={tpl.name}
                  opacity={tpl.retired ? 0.6 : 1}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Text fw={600}>{tpl.name}</Text>
                    <Badge variant="light" color="gray">
                      {tpl.language.toUpperCase()}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed" lineClamp={2} mt={4}>
                    {tpl.description ?? ""}
                  </Text>
                  <Group gap="xs" mt="sm">
                    <Badge variant="outline">
                      {t("checklists.version", { n: tpl.current_number })}
                    </Badge>
                    <Badge variant="outline" color="gray">
                      {t("checklists.items", { n: tpl.item_count })}
                    </Badge>
                    <Badge variant="outline" color="gray">
                      {t("checklists.audits", { n: tpl.audit_count })}
                    </Badge>
                    {tpl.retired && <Badge color="gray">{t("checklists.retired")}</Badge>}
                  </Group>
                  <Group mt="md" gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => go({ page: "auditTemplate", id: tpl.id })}
                      data-testid="template-open"
                    >
                      {t("common.edit")}
                    </Button>
                    {canWrite && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconCopy size={14} />}
                        onClick={() => setCreating({ copyOf: tpl })}
                      >
                        {t("checklists.copy")}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <Modal
        opened={creating !== null}
        onClose={() => setCreating(null)}
        title={t("checklists.new")}
        size="lg"
      >
        {creating && <NewTemplateForm copyOf={creating.copyOf} onClose={() => setCreating(null)} />}
      </Modal>
    </>
  );
}

function NewTemplateForm({ copyOf, onClose }: { copyOf: Template | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const language = i18n.language === "it" ? "it" : "en";
  const [starter, setStarter] = useState<string>(copyOf ? "" : "gdpr");
  const starters = useQuery({
    queryKey: auditKeys.starters(language),
    queryFn: () => auditsApi.starters(language),
    enabled: copyOf === null,
  });
  const { form, showError } = useServerForm({
    name: copyOf ? t("checklists.copyOf", { name: copyOf.name }) : "",
    description: copyOf?.description ?? "",
    language: copyOf?.language ?? language,
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      auditsApi.createTemplate(
        { name: v.name, description: orNull(v.description), language: v.language },
        copyOf === null && starter !== "" ? starter : null,
        copyOf?.id ?? null,
      ),
    onSuccess: (tpl) => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ color: "green", message: t("checklists.created") });
      onClose();
      go({ page: "auditTemplate", id: tpl.id });
    },
    onError: showError,
  });
  const chosen = starters.data?.find((s) => s.key === starter);
  // The default starter's name, once the list is here, so "Create" works at once.
  const firstName = starters.data?.find((s) => s.key === "gdpr")?.name;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list arrives
  useEffect(() => {
    if (firstName && form.values.name === "" && copyOf === null)
      form.setFieldValue("name", firstName);
  }, [firstName]);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="template-form">
      <Stack>
        {copyOf === null && (
          <Radio.Group
            label={t("checklists.fromStarter")}
            description={t("checklists.starterText")}
            value={starter}
            onChange={(v) => {
              setStarter(v);
              const s = starters.data?.find((x) => x.key === v);
              if (
                s &&
                (form.values.name === "" || starters.data?.some((x) => x.name === form.values.name))
              ) {
                form.setFieldValue("name", s.name);
              }
            }}
          >
            <Stack gap="xs" mt="xs">
              {(starters.data ?? []).map((s) => (
                <Radio
                  key={s.key}
                  value={s.key}
                  label={s.name}
                  description={t("checklists.itemsAndSections", {
                    sections: s.sections,
                    items: s.items,
                  })}
                  data-testid={`starter-${s.key}`}
                />
              ))}
              <Radio value="" label={t("checklists.blank")} data-testid="starter-blank" />
            </Stack>
          </Radio.Group>
        )}
        {chosen && (
          <Text size="sm" c="dimmed">
            {chosen.description}
          </Text>
        )}
        <TextInput
          label={t("checklists.name")}
          withAsterisk
          {...form.getInputProps("name")}
          name="name"
          data-testid="template-name"
        />
        <Textarea
          label={t("checklists.description")}
          autosize
          minRows={2}
          {...form.getInputProps("description")}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("checklists.language")}
          </Text>
          <SegmentedControl
            value={form.values.language}
            onChange={(v) => form.setFieldValue("language", v)}
            data={[
              { value: "it", label: t("checklists.languages.it") },
              { value: "en", label: t("checklists.languages.en") },
            ]}
            disabled={copyOf !== null}
          />
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="template-create">
            {t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
