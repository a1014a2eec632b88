import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { matchApi } from "../../../api/invoiceMatch";
import { invoiceKeys } from "../../../api/invoices";
import type { InvoiceMatch } from "../../../bindings/InvoiceMatch";
import type { StoredDifference } from "../../../bindings/StoredDifference";
import { formatDateTime } from "../../../i18n/format";
import { fieldErrors, problemMessage } from "../../../lib/errors";
import { notifyError } from "../../../lib/useServerForm";
import { differenceText } from "./differenceText";
import "./i18n-match";

function AcceptModal({
  m,
  difference,
  onClose,
}: {
  m: InvoiceMatch;
  difference: StoredDifference | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: () => matchApi.accept(m.invoice_id, difference?.id ?? 0, reason),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: invoiceKeys.all });
      setReason("");
      setError(null);
      onClose();
    },
    onError: (e) =>
      setError(fieldErrors(e, t, "invoiceMatch").reason ?? problemMessage(e, t, "invoiceMatch")),
  });
  return (
    <Modal opened={difference !== null} onClose={onClose} title={t("invoiceMatch.acceptTitle")}>
      <Stack>
        <Textarea
          label={t("invoiceMatch.reasonLabel")}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          autosize
          minRows={2}
          data-autofocus
          data-testid="accept-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("invoiceMatch.cancel")}
          </Button>
          <Button
            onClick={() => accept.mutate()}
            loading={accept.isPending}
            data-testid="accept-save"
          >
            {t("invoiceMatch.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The match's differences in words, accepted by accounting, and the approval for payment. */
export function MatchDifferences({
  m,
  currency,
  canWrite,
}: {
  m: InvoiceMatch;
  currency: string;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [accepting, setAccepting] = useState<StoredDifference | null>(null);
  const done = (message: string) => () => {
    qc.invalidateQueries({ queryKey: invoiceKeys.all });
    notifications.show({ color: "green", message });
  };
  const approve = useMutation({
    mutationFn: () => matchApi.approve(m.invoice_id, m.version),
    onSuccess: done(t("invoiceMatch.approved")),
    onError: (e) => notifyError(e, t, "invoiceMatch"),
  });
  const unmatch = useMutation({
    mutationFn: () => matchApi.unmatch(m.invoice_id, m.version),
    onSuccess: done(t("invoiceMatch.unmatch")),
    onError: (e) => notifyError(e, t, "invoiceMatch"),
  });
  const lineOf = (n: number) => m.lines.find((l) => l.invoice_line === n);
  return (
    <Card data-testid="match-differences">
      <Stack gap="sm">
        <Text fw={600}>{t("invoiceMatch.differences")}</Text>
        {m.status === "to_match" && (
          <Text size="sm" c="dimmed">
            {t("invoiceMatch.notMatched")}
          </Text>
        )}
        {m.status !== "to_match" && m.differences.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="match-no-differences">
            {t("invoiceMatch.noDifferences")}
          </Text>
        )}
        {m.differences.map((d) => {
          const l = lineOf(d.invoice_line);
          return (
            <Group
              key={d.id}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              data-testid="match-difference"
              data-kind={d.difference.kind}
              data-state={d.state}
            >
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t("invoiceMatch.line", { n: d.invoice_line })}
                  {l
                    ? ` · ${t("invoiceMatch.matchedTo", { order: l.order_number ?? "", line: l.order_line })} · ${l.description}`
                    : ""}
                </Text>
                <Text size="sm" data-testid="match-difference-text">
                  {differenceText(d.difference, m.kind, currency, t, i18n.language, l?.unit)}
                </Text>
                {d.state === "accepted" && (
                  <Text size="xs" c="dimmed" data-testid="match-difference-accepted">
                    {t("invoiceMatch.acceptedBy", {
                      name: d.accepted_by_name ?? "",
                      date: d.accepted_at ? formatDateTime(d.accepted_at, i18n.language) : "",
                      reason: d.reason ?? "",
                    })}
                  </Text>
                )}
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Badge color={d.state === "open" ? "orange" : "green"} variant="light">
                  {t(`invoiceMatch.${d.state}`)}
                </Badge>
                {d.state === "open" && m.may_accept && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setAccepting(d)}
                    data-testid="accept-difference"
                  >
                    {t("invoiceMatch.accept")}
                  </Button>
                )}
              </Group>
            </Group>
          );
        })}
        {m.status === "matched" && m.open_differences > 0 && (
          <Text size="sm" c="orange" data-testid="match-waits">
            {t("invoiceMatch.waitsFor", { count: m.open_differences })}
          </Text>
        )}
        {m.status === "approved_for_payment" && (
          <Text size="sm" c="green" data-testid="match-approved">
            {t("invoiceMatch.approvedBy", {
              name: m.approved_by_name ?? "",
              date: m.approved_at ? formatDateTime(m.approved_at, i18n.language) : "",
            })}
          </Text>
        )}
        {m.status === "matched" && (
          <Group justify="flex-end">
            {canWrite && (
              <Button
                variant="default"
                onClick={() => unmatch.mutate()}
                loading={unmatch.isPending}
                data-testid="match-unmatch"
              >
                {t("invoiceMatch.unmatch")}
              </Button>
            )}
            {!m.may_accept && (
              <Text size="sm" c="dimmed">
                {t("invoiceMatch.onlyAccounting")}
              </Text>
            )}
            <Button
              color="green"
              disabled={!m.approvable}
              onClick={() => approve.mutate()}
              loading={approve.isPending}
              data-testid="approve-for-payment"
            >
              {t("invoiceMatch.approve")}
            </Button>
          </Group>
        )}
      </Stack>
      <AcceptModal m={m} difference={accepting} onClose={() => setAccepting(null)} />
    </Card>
  );
}
