import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { networkApi, networkKeys } from "../../api/network";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

function LabelsForm({ ids, onClose }: { ids: () => Promise<number[]>; onClose: () => void }) {
  const { t } = useTranslation();
  const sheets = useQuery({ queryKey: networkKeys.sheets(), queryFn: networkApi.labelSheets });
  const [sheet, setSheet] = useState<string | null>("a4_3x8");
  const [startAt, setStartAt] = useState<number | string>(1);
  const [outlines, setOutlines] = useState(false);
  const [busy, setBusy] = useState(false);
  const chosen = (sheets.data ?? []).find((s) => s.id === sheet);
  const print = async () => {
    setBusy(true);
    try {
      const assetIds = await ids();
      const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
      const done = await networkApi.printLabels(
        {
          asset_ids: assetIds,
          sheet_id: sheet ?? "a4_3x8",
          start_at: Math.max(0, Number(startAt) - 1),
          outlines,
        },
        t("assets.labels.title"),
        `${t("assets.labels.fileStem")}-${day}.pdf`,
      );
      notifications.show({
        color: "green",
        message: t("assets.labels.done", { n: done.labels, pages: done.pages, path: done.path }),
      });
      onClose();
    } catch (e) {
      notifyError(e, t, "assets");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Select
        label={t("assets.labels.sheet")}
        data={(sheets.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={sheet}
        onChange={setSheet}
        allowDeselect={false}
        data-testid="labels-sheet"
      />
      <NumberInput
        label={t("assets.labels.startAt")}
        description={t("assets.labels.startAtHelp")}
        min={1}
        max={chosen?.per_page ?? 100}
        value={startAt}
        onChange={setStartAt}
      />
      <Checkbox
        label={t("assets.labels.outlines")}
        checked={outlines}
        onChange={(e) => setOutlines(e.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        {t("assets.labels.help")}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          leftSection={<IconPrinter size={16} />}
          loading={busy}
          onClick={() => void print()}
          data-testid="labels-print"
        >
          {t("assets.labels.print")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Prints the labels of some assets (tag, name, QR code) on a sheet of sticky labels, as a PDF. */
export function LabelsButton({ ids, label }: { ids: () => Promise<number[]>; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} />}
        onClick={() => setOpen(true)}
        data-testid="labels-open"
      >
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("assets.labels.title")}>
        {open && <LabelsForm ids={ids} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
