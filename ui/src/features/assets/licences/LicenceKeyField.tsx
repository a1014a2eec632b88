import {
  ActionIcon,
  Button,
  Code,
  CopyButton,
  Group,
  Input,
  PasswordInput,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconCheck, IconCopy, IconEye } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { licencesApi } from "../../../api/licences";
import type { Licence } from "../../../bindings/Licence";
import { notifyError } from "../../../lib/useServerForm";
import type { LicenceValues } from "./values";
import "./i18n";

/** The key as read from Rust, with a button to copy it. */
function RevealedKey({ value, onHide }: { value: string; onHide: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Code data-testid="licence-key-value" style={{ wordBreak: "break-all" }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("licences.key.copied") : t("licences.key.copy")}>
            <ActionIcon
              variant="subtle"
              color={copied ? "teal" : "gray"}
              onClick={copy}
              aria-label={t("licences.key.copy")}
              data-testid="key-copy"
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      <Button variant="subtle" size="compact-sm" onClick={onHide}>
        {t("licences.key.hide")}
      </Button>
    </Group>
  );
}

/**
 * The licence key. A new one is typed in a password field; a stored one stays hidden until
 * "Reveal" reads it from Rust (which records who read it), and can be replaced or removed.
 */
export function LicenceKeyField({
  licence,
  form,
}: {
  licence: Licence | null;
  form: UseFormReturnType<LicenceValues>;
}) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: (id: number) => licencesApi.revealKey(id),
    onSuccess: (l) => setRevealed(l.licence_key ?? ""),
    onError: (e) => notifyError(e, t, "licences"),
  });
  const label = t("licences.fields.licence_key");
  const change = form.values.key_change;
  const keep = (
    <Button
      variant="subtle"
      size="compact-sm"
      onClick={() => form.setFieldValue("key_change", "keep")}
    >
      {t("licences.key.keep")}
    </Button>
  );
  const stored = licence?.has_key === true;

  if (!stored || change === "set") {
    return (
      <Stack gap={4}>
        <PasswordInput
          label={stored ? t("licences.key.newKey") : label}
          autoComplete="off"
          {...form.getInputProps("licence_key")}
          onChange={(e) => {
            form.setFieldValue("licence_key", e.currentTarget.value);
            form.setFieldValue("key_change", "set");
          }}
          data-testid="licence-key"
        />
        {stored && <Group>{keep}</Group>}
      </Stack>
    );
  }
  if (change === "remove") {
    return (
      <Input.Wrapper label={label}>
        <Group gap="xs">
          <Text size="sm" c="red.8" data-testid="licence-key-removed">
            {t("licences.key.willRemove")}
          </Text>
          {keep}
        </Group>
      </Input.Wrapper>
    );
  }
  return (
    <Input.Wrapper
      label={label}
      description={t("licences.key.revealNote")}
      error={form.errors.licence_key}
    >
      <Stack gap={6} mt={4}>
        {revealed === null ? (
          <Group gap="xs">
            <Text size="sm" ff="monospace" data-testid="licence-key-stored">
              {t("licences.key.stored")}
            </Text>
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconEye size={14} />}
              loading={reveal.isPending}
              onClick={() => licence && reveal.mutate(licence.id)}
              data-testid="key-reveal"
            >
              {t("licences.key.reveal")}
            </Button>
          </Group>
        ) : (
          <RevealedKey value={revealed} onHide={() => setRevealed(null)} />
        )}
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              form.setFieldValue("licence_key", "");
              form.setFieldValue("key_change", "set");
            }}
            data-testid="key-replace"
          >
            {t("licences.key.replace")}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={() => form.setFieldValue("key_change", "remove")}
            data-testid="key-remove"
          >
            {t("licences.key.remove")}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
