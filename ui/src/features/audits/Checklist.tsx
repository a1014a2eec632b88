import {
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Kbd,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import type { AuditDetail } from "../../bindings/AuditDetail";
import type { AuditOutcome as Outcome } from "../../bindings/AuditOutcome";
import type { ItemResult } from "../../bindings/ItemResult";
import { formatDateTime } from "../../i18n/format";
import { notifyError } from "../../lib/useServerForm";
import { EvidencePanel } from "./Evidence";
import { FindingModal } from "./FindingModal";
import { OUTCOME_COLOR, OUTCOME_KEYS, OutcomeBadge } from "./parts";
import "./i18n";

type Props = { d: AuditDetail; focusItem: number | null };

/**
 * The checklist, built for the keyboard: ↑/↓ move, 1–5 give the outcome and move on, N goes to
 * the notes, Enter in the notes saves them, Escape comes back to the list.
 */
export function Checklist({ d, focusItem }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const items = d.items;
  const [at, setAt] = useState(() =>
    Math.max(
      0,
      items.findIndex((i) => i.item_id === focusItem),
    ),
  );
  const [naFor, setNaFor] = useState<number | null>(null);
  const [raising, setRaising] = useState<ItemResult | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const notes = useRef<HTMLTextAreaElement>(null);
  const reason = useRef<HTMLTextAreaElement>(null);
  const item = items[Math.min(at, items.length - 1)];
  const canAssess = d.can_write && d.audit.status === "in_progress";
  const canLink = d.can_write && d.audit.status !== "closed";

  useEffect(() => {
    list.current?.focus();
  }, []);
  // Keeps the chosen item in view by scrolling the list alone: scrolling the window would take
  // the page's header, with its buttons, out of sight.
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = viewport.current;
    const row = box?.querySelector<HTMLElement>(`[data-item-index="${at}"]`);
    if (!box || !row) return;
    const top = row.offsetTop;
    const bottom = top + row.offsetHeight;
    if (top < box.scrollTop) box.scrollTop = top - 24;
    else if (bottom > box.scrollTop + box.clientHeight)
      box.scrollTop = bottom - box.clientHeight + 8;
  }, [at]);

  const assess = useMutation({
    mutationFn: (v: {
      item: ItemResult;
      outcome: Outcome | null;
      na_reason: string | null;
      notes: string | null;
    }) =>
      auditsApi.assess(d.audit.id, v.item.item_id, v.item.version, {
        outcome: v.outcome,
        na_reason: v.na_reason,
        notes: v.notes,
      }),
    onSuccess: (saved) => {
      // The row at once, the scores with the next read.
      qc.setQueryData<AuditDetail>(auditKeys.detail(d.audit.id), (old) =>
        old
          ? { ...old, items: old.items.map((i) => (i.item_id === saved.item_id ? saved : i)) }
          : old,
      );
      qc.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (e) => notifyError(e, t, "audits"),
  });

  const give = (outcome: Outcome) => {
    if (!canAssess || !item) return;
    if (outcome === "not_applicable") {
      setNaFor(item.item_id);
      setTimeout(() => reason.current?.focus(), 0);
      return;
    }
    setNaFor(null);
    assess.mutate({ item, outcome, na_reason: null, notes: item.notes });
    setAt((i) => Math.min(i + 1, items.length - 1));
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.target !== list.current) return;
    if (e.key === "ArrowDown" || e.key === "j") {
      setAt((i) => Math.min(i + 1, items.length - 1));
    } else if (e.key === "ArrowUp" || e.key === "k") {
      setAt((i) => Math.max(i - 1, 0));
    } else if (e.key >= "1" && e.key <= "5") {
      give(OUTCOME_KEYS[Number(e.key) - 1] ?? "compliant");
    } else if (e.key === "n" || e.key === "N") {
      notes.current?.focus();
    } else {
      return;
    }
    e.preventDefault();
  };

  let lastSection = "";
  return (
    <Grid gutter="md">
      <Grid.Col span={5}>
        <Card p={0}>
          <Text size="xs" c="dimmed" p="sm" data-testid="checklist-keys">
            {t("audits.keysHelp")}
          </Text>
          <ScrollArea h="calc(100vh - 330px)" type="auto" scrollbars="y" viewportRef={viewport}>
            <Box
              ref={list}
              tabIndex={0}
              onKeyDown={onListKey}
              data-testid="checklist"
              style={{ outline: "none" }}
              aria-label={t("audits.tabs.checklist")}
            >
              {items.map((i, n) => {
                const header = i.section !== lastSection;
                lastSection = i.section;
                return (
                  <div key={i.item_id}>
                    {header && (
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={4}>
                        {i.section}
                      </Text>
                    )}
                    <UnstyledButton
                      w="100%"
                      px="sm"
                      py={6}
                      data-item-index={n}
                      data-code={i.code}
                      data-testid="checklist-item"
                      data-selected={n === at}
                      onClick={() => {
                        setAt(n);
                        list.current?.focus();
                      }}
                      style={{
                        background: n === at ? "var(--mantine-color-blue-light)" : undefined,
                        borderLeft: `3px solid ${i.outcome ? `var(--mantine-color-${OUTCOME_COLOR[i.outcome]}-6)` : "transparent"}`,
                      }}
                    >
                      <Group gap="xs" wrap="nowrap" justify="space-between">
                        <div style={{ minWidth: 0 }}>
                          <Text size="xs" c="dimmed">
                            {i.code}
                          </Text>
                          <Text size="sm" lineClamp={2}>
                            {i.requirement}
                          </Text>
                        </div>
                        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                          {i.findings.length > 0 && (
                            <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />
                          )}
                          <OutcomeBadge outcome={i.outcome} short />
                        </Group>
                      </Group>
                    </UnstyledButton>
                  </div>
                );
              })}
            </Box>
          </ScrollArea>
        </Card>
      </Grid.Col>
      <Grid.Col span={7}>
        {item && (
          <ItemPanel
            key={item.item_id}
            d={d}
            item={item}
            canAssess={canAssess}
            canLink={canLink}
            naOpen={naFor === item.item_id || item.outcome === "not_applicable"}
            onGive={give}
            onSave={(v) => assess.mutate({ item, ...v })}
            onRaise={() => setRaising(item)}
            notesRef={notes}
            reasonRef={reason}
            backToList={() => list.current?.focus()}
          />
        )}
      </Grid.Col>
      <FindingModal
        opened={raising !== null}
        auditId={d.audit.id}
        item={raising}
        finding={null}
        onClose={() => setRaising(null)}
      />
    </Grid>
  );
}

type PanelProps = {
  d: AuditDetail;
  item: ItemResult;
  canAssess: boolean;
  canLink: boolean;
  naOpen: boolean;
  onGive: (o: Outcome) => void;
  onSave: (v: { outcome: Outcome | null; na_reason: string | null; notes: string | null }) => void;
  onRaise: () => void;
  notesRef: React.RefObject<HTMLTextAreaElement | null>;
  reasonRef: React.RefObject<HTMLTextAreaElement | null>;
  backToList: () => void;
};

function ItemPanel({
  d,
  item,
  canAssess,
  canLink,
  naOpen,
  onGive,
  onSave,
  onRaise,
  notesRef,
  reasonRef,
  backToList,
}: PanelProps) {
  const { t, i18n } = useTranslation();
  const [notes, setNotes] = useState(item.notes ?? "");
  const [reason, setReason] = useState(item.na_reason ?? "");
  const saveNotes = () =>
    onSave({
      outcome: item.outcome,
      na_reason: item.outcome === "not_applicable" ? reason : null,
      notes: notes || null,
    });
  const keys = (e: KeyboardEvent, save: () => void) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      save();
      backToList();
    } else if (e.key === "Escape") {
      e.preventDefault();
      backToList();
    }
  };
  const nonConforming = item.outcome === "minor" || item.outcome === "major";
  return (
    <Card data-testid="item-panel" data-code={item.code}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Badge variant="outline">{item.code}</Badge>
            {item.reference && (
              <Text size="sm" c="dimmed">
                {item.reference}
              </Text>
            )}
          </Group>
          <Title order={4} mt={6} data-testid="item-requirement">
            {item.requirement}
          </Title>
        </div>
        <OutcomeBadge outcome={item.outcome} />
      </Group>
      <Stack gap="sm">
        {item.guidance && <Hint label={t("audits.guidance")} text={item.guidance} />}
        {item.evidence_expected && (
          <Hint label={t("audits.evidenceExpected")} text={item.evidence_expected} />
        )}
        <Group gap="xs">
          {OUTCOME_KEYS.map((o, n) => (
            <Button
              key={o}
              size="xs"
              color={OUTCOME_COLOR[o]}
              variant={item.outcome === o ? "filled" : "light"}
              disabled={!canAssess}
              onClick={() => onGive(o)}
              leftSection={<Kbd size="xs">{n + 1}</Kbd>}
              data-testid={`outcome-${o}`}
            >
              {t(`audits.outcome.${o}`)}
            </Button>
          ))}
        </Group>
        {naOpen && (
          <Textarea
            ref={reasonRef}
            label={t("audits.naReason")}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            disabled={!canAssess}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) =>
              keys(e, () =>
                onSave({ outcome: "not_applicable", na_reason: reason, notes: notes || null }),
              )
            }
            data-testid="na-reason"
          />
        )}
        <Textarea
          ref={notesRef}
          label={t("audits.notes")}
          autosize
          minRows={2}
          value={notes}
          disabled={!canAssess}
          onChange={(e) => setNotes(e.currentTarget.value)}
          onKeyDown={(e) => keys(e, saveNotes)}
          data-testid="item-notes"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {item.assessed_by && item.assessed_at
              ? t("audits.assessedBy", {
                  who: item.assessed_by,
                  when: formatDateTime(item.assessed_at, i18n.language),
                })
              : ""}
          </Text>
          <Group gap="xs">
            {canAssess && (
              <Button size="xs" variant="default" onClick={saveNotes} data-testid="item-save">
                {t("audits.saveNotes")}
              </Button>
            )}
            {d.can_write && d.audit.status !== "closed" && d.audit.status !== "planned" && (
              <Button
                size="xs"
                color="orange"
                variant={nonConforming && item.findings.length === 0 ? "filled" : "light"}
                onClick={onRaise}
                data-testid="item-raise-finding"
              >
                {t("audits.raiseFinding")}
              </Button>
            )}
          </Group>
        </Group>
        <EvidencePanel auditId={d.audit.id} item={item} canLink={canLink} />
      </Stack>
    </Card>
  );
}

function Hint({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-line" }}>
        {text}
      </Text>
    </div>
  );
}
