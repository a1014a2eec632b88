import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconCheck, IconScan } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { InventoryCheckResult } from "../../bindings/InventoryCheckResult";
import type { Location } from "../../bindings/Location";
import { formatDate } from "../../i18n/format";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

const norm = (tag: string) => tag.trim().toUpperCase();

/** The result of a walk: what was confirmed, moved here, missing, or unknown. */
function Outcome({ r }: { r: InventoryCheckResult }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack data-testid="check-result">
      <Alert color={r.missing.length > 0 ? "orange" : "green"}>
        {t("assets.check.summary", {
          confirmed: r.confirmed.length,
          moved: r.moved.length,
          missing: r.missing.length,
          next: formatDate(r.next_check_on, i18n.language),
        })}
      </Alert>
      {r.missing.length > 0 && (
        <>
          <Text fw={600}>{t("assets.check.missing")}</Text>
          {r.missing.map((a) => (
            <Text key={a.id} size="sm" data-testid="check-missing" data-tag={a.tag}>
              <b>{a.tag}</b> · {a.name} · {a.location_path}
            </Text>
          ))}
        </>
      )}
      {r.moved.length > 0 && (
        <>
          <Text fw={600}>{t("assets.check.moved")}</Text>
          {r.moved.map((a) => (
            <Text key={a.id} size="sm">
              <b>{a.tag}</b> · {a.name} · {t("assets.check.was", { place: a.location_path ?? "—" })}
            </Text>
          ))}
        </>
      )}
      {r.unknown.length > 0 && (
        <Text size="sm" c="red">
          {t("assets.check.unknown", { tags: r.unknown.join(", ") })}
        </Text>
      )}
    </Stack>
  );
}

function Walk({ place, onClose }: { place: Location; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const expected = useQuery({
    queryKey: assetKeys.expected(place.id),
    queryFn: () => assetsApi.expected(place.id),
  });
  const [seen, setSeen] = useState<string[]>([]);
  const [code, setCode] = useState("");
  const [months, setMonths] = useState<number | string>(12);
  const [result, setResult] = useState<InventoryCheckResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const known = new Set((expected.data ?? []).map((a) => norm(a.tag)));
  const seenSet = new Set(seen);
  const extra = seen.filter((s) => !known.has(s));
  const record = useMutation({
    mutationFn: () =>
      assetsApi.recordCheck({
        location_id: place.id,
        tags: seen,
        on: null,
        next_in_months: Number(months) || 0,
      }),
    onSuccess: (r) => {
      setResult(r);
      qc.invalidateQueries({ queryKey: assetKeys.all });
    },
    onError: (e) => notifyError(e, t, "assets"),
  });
  if (result) {
    return (
      <Stack>
        <Outcome r={result} />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("common.close")}</Button>
        </Group>
      </Stack>
    );
  }
  // A keyboard-wedge scanner types the code and presses Enter, like a person would.
  const add = () => {
    const tag = norm(code);
    if (tag && !seenSet.has(tag)) setSeen((s) => [tag, ...s]);
    setCode("");
    input.current?.focus();
  };
  return (
    <Stack>
      <TextInput
        ref={input}
        data-autofocus
        label={t("assets.check.scan")}
        description={t("assets.check.scanHelp")}
        leftSection={<IconScan size={16} />}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add();
          }
        }}
        data-testid="check-scan"
      />
      <Text size="sm" data-testid="check-progress">
        {t("assets.check.progress", {
          seen: (expected.data ?? []).filter((a) => seenSet.has(norm(a.tag))).length,
          all: expected.data?.length ?? 0,
        })}
      </Text>
      <ScrollArea h={320}>
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {(expected.data ?? []).map((a) => {
              const ok = seenSet.has(norm(a.tag));
              return (
                <Table.Tr key={a.id} data-testid="check-row" data-tag={a.tag} data-seen={ok}>
                  <Table.Td w={28}>{ok ? <IconCheck size={16} color="green" /> : null}</Table.Td>
                  <Table.Td ff="monospace" fw={600}>
                    {a.tag}
                  </Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td c="dimmed">{a.location_path}</Table.Td>
                </Table.Tr>
              );
            })}
            {extra.map((tag) => (
              <Table.Tr key={tag} data-testid="check-extra">
                <Table.Td />
                <Table.Td ff="monospace" fw={600}>
                  {tag}
                </Table.Td>
                <Table.Td colSpan={2}>
                  <Badge color="orange" variant="light" style={{ textTransform: "none" }}>
                    {t("assets.check.notExpected")}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between" align="flex-end">
        <NumberInput
          label={t("assets.check.nextIn")}
          min={1}
          max={60}
          w={200}
          value={months}
          onChange={setMonths}
        />
        <Group>
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            loading={record.isPending}
            onClick={() => record.mutate()}
            data-testid="check-record"
          >
            {t("assets.check.record")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** A physical inventory check of a place: scan or type each tag seen, then record the walk. */
export function InventoryCheckModal({
  place,
  onClose,
}: {
  place: Location | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={place !== null}
      onClose={onClose}
      title={place ? t("assets.check.title", { place: place.path }) : ""}
      size="xl"
    >
      {place && <Walk place={place} onClose={onClose} />}
    </Modal>
  );
}
