import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBan, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import type { Supplier } from "../../bindings/Supplier";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import "./i18n";

function BlockForm({ s, onClose }: { s: Supplier; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm({ reason: "" }, { area: "purchasing" });
  const block = useMutation({
    mutationFn: (v: typeof form.values) => purchasingApi.setBlocked(s.id, s.version, v.reason),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.suppliers.blocked") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => block.mutate(v))} noValidate>
      <Stack>
        <Text size="sm">{t("purchasingUi.suppliers.blockText")}</Text>
        <Textarea
          label={t("purchasingUi.fields.reason")}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
          data-testid="supplier-block-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={block.isPending}
            data-testid="supplier-block-confirm"
          >
            {t("purchasingUi.suppliers.block")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Blocks the supplier (asking why) or lifts the block. */
export function BlockButton({ s }: { s: Supplier }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const unblock = useMutation({
    mutationFn: () => purchasingApi.setBlocked(s.id, s.version, null),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.suppliers.unblocked") });
    },
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  if (s.status === "blocked") {
    return (
      <Button
        variant="default"
        leftSection={<IconCircleCheck size={16} />}
        onClick={() => unblock.mutate()}
        loading={unblock.isPending}
        data-testid="supplier-unblock"
      >
        {t("purchasingUi.suppliers.unblock")}
      </Button>
    );
  }
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconBan size={16} />}
        onClick={() => setOpen(true)}
        data-testid="supplier-block"
      >
        {t("purchasingUi.suppliers.block")}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("purchasingUi.suppliers.blockTitle")}
      >
        {open ? <BlockForm s={s} onClose={() => setOpen(false)} /> : null}
      </Modal>
    </>
  );
}
