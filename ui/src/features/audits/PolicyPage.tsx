import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconChecks,
  IconFileCertificate,
  IconFiles,
  IconPencil,
  IconRefresh,
  IconUsers,
} from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { type Route, useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { AckFilter } from "../../bindings/AckFilter";
import type { Policy } from "../../bindings/Policy";
import { formatDate } from "../../i18n/format";
import { BackLink, RecordPage } from "../../kit/RecordPage";
import { notifyError } from "../../lib/useServerForm";
import { AttachmentsTab } from "../attachments/AttachmentsTab";
import { DateField } from "../staff/parts";
import { PolicyFormModal } from "./PolicyForm";
import { Fact } from "./parts";
import "./i18n";

function Details({ p }: { p: Policy }) {
  const { t, i18n } = useTranslation();
  const d = (v: string | null) => (v ? formatDate(v, i18n.language) : t("common.none"));
  const label = (f: string) => t(`policies.fields.${f}`);
  return (
    <Card>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Fact label={label("kind")}>{t(`policies.kinds.${p.kind}`)}</Fact>
        <Fact label={label("version_label")}>{p.version_label}</Fact>
        <Fact label={label("owner")}>{p.owner_name ?? t("common.none")}</Fact>
        <Fact label={label("approved_by")}>{p.approved_by ?? t("common.none")}</Fact>
        <Fact label={label("approved_on")}>{d(p.approved_on)}</Fact>
        <Fact label={label("review_months")}>{String(p.review_months)}</Fact>
        <Fact label={label("last_reviewed_on")}>{d(p.last_reviewed_on)}</Fact>
        <Fact label={label("next_review_on")}>{d(p.next_review_on)}</Fact>
        <Fact label={label("read")}>
          {t("policies.readCount", { n: p.acknowledged, all: p.staff })}
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

/** Who has read the current version: evidence an audit can cite, and who still must. */
function Acknowledgements({ p, canWrite }: { p: Policy; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AckFilter>("not_read");
  const [recording, setRecording] = useState(false);
  const query = { filter, department_id: null, page: { offset: 0, limit: 500 } };
  const rows = useQuery({
    queryKey: auditKeys.acks(p.id, query),
    queryFn: () => auditsApi.policyAcks(p.id, query),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as AckFilter)}
          data={(["not_read", "read", "all"] as const).map((f) => ({
            value: f,
            label: t(`policies.ackFilter.${f}`),
          }))}
          data-testid="ack-filter"
        />
        {canWrite && !p.retired && (
          <Button
            leftSection={<IconChecks size={16} />}
            onClick={() => setRecording(true)}
            data-testid="ack-record"
          >
            {t("policies.acknowledge")}
          </Button>
        )}
      </Group>
      <Card p={0}>
        <Table verticalSpacing={6} data-testid="acks">
          <Table.Tbody>
            {(rows.data?.items ?? []).map((r) => (
              <Table.Tr key={r.employee_id} data-testid="ack-row">
                <Table.Td fw={500}>{r.name}</Table.Td>
                <Table.Td c="dimmed">{r.department ?? ""}</Table.Td>
                <Table.Td w={200}>
                  {r.acknowledged_on ? (
                    <Badge color="green" variant="light">
                      {t("policies.ackDate")} {formatDate(r.acknowledged_on, i18n.language)}
                    </Badge>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t("policies.notRead")}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" p="sm">
          {t("common.total", { n: rows.data?.total ?? 0 })}
        </Text>
      </Card>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t("policies.acknowledgeTitle", { version: p.version_label })}
      >
        {recording && <RecordAcks p={p} onClose={() => setRecording(false)} />}
      </Modal>
    </Stack>
  );
}

function RecordAcks({ p, onClose }: { p: Policy; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [who, setWho] = useState<string[]>([]);
  const [on, setOn] = useState<string | null>(null);
  const unread = useQuery({
    queryKey: auditKeys.acks(p.id, {
      filter: "not_read",
      department_id: null,
      page: { offset: 0, limit: 500 },
    }),
    queryFn: () =>
      auditsApi.policyAcks(p.id, {
        filter: "not_read",
        department_id: null,
        page: { offset: 0, limit: 500 },
      }),
  });
  const save = useMutation({
    mutationFn: () =>
      auditsApi.acknowledgePolicy(p.id, { employee_ids: who.map(Number), acknowledged_on: on }),
    onSuccess: (n) => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ color: "green", message: t("policies.acknowledged", { n }) });
      onClose();
    },
    onError: (e) => notifyError(e, t, "policies"),
  });
  return (
    <Stack>
      <MultiSelect
        label={t("policies.acknowledgeWho")}
        searchable
        data={(unread.data?.items ?? []).map((r) => ({
          value: String(r.employee_id),
          label: r.name,
        }))}
        value={who}
        onChange={setWho}
        data-testid="ack-who"
      />
      <DateField
        field="acknowledged_on"
        label={t("policies.ackDate")}
        value={on}
        onChange={(v) => setOn(v)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          disabled={who.length === 0}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="ack-save"
        >
          {t("common.save")}
        </Button>
      </Group>
    </Stack>
  );
}

function PolicyView({ p }: { p: Policy }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("audits", "write");
  const [editing, setEditing] = useState(false);
  const late =
    p.next_review_on !== null && p.next_review_on < new Date().toISOString().slice(0, 10);
  const review = useMutation({
    mutationFn: () => auditsApi.reviewPolicy(p.id, p.version, null),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ color: "green", message: t("policies.reviewed") });
    },
    onError: (e) => notifyError(e, t, "policies"),
  });
  return (
    <RecordPage
      title={p.title}
      status={
        p.retired ? (
          <Badge color="gray">{t("policies.retired")}</Badge>
        ) : late ? (
          <Badge color="red" variant="light">
            {t("policies.overdue")}
          </Badge>
        ) : null
      }
      facts={[t(`policies.kinds.${p.kind}`), `v${p.version_label}`, p.owner_name]}
      actions={
        canWrite ? (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="policy-edit"
            >
              {t("common.edit")}
            </Button>
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} />}
              loading={review.isPending}
              onClick={() => review.mutate()}
              data-testid="policy-review"
            >
              {t("policies.review")}
            </Button>
          </Group>
        ) : null
      }
      details={{
        key: "details",
        label: t("policies.tabs.details"),
        icon: IconFileCertificate,
        render: () => <Details p={p} />,
      }}
      attachments={{
        key: "files",
        label: t("policies.tabs.files"),
        icon: IconFiles,
        render: () => (
          <AttachmentsTab
            entity="policies"
            recordId={p.id}
            options={{ name: p.title, focus: null }}
          />
        ),
      }}
      tabs={[
        {
          key: "acknowledgements",
          label: t("policies.tabs.acknowledgements"),
          icon: IconUsers,
          badge: (
            <Badge size="xs" variant="light" color="gray">
              {p.acknowledged}/{p.staff}
            </Badge>
          ),
          render: () => <Acknowledgements p={p} canWrite={canWrite} />,
        },
      ]}
    >
      <PolicyFormModal opened={editing} policy={p} onClose={() => setEditing(false)} />
    </RecordPage>
  );
}

export function PolicyPage({ route }: { route: Extract<Route, { page: "policy" }> }) {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const policy = useQuery({
    queryKey: auditKeys.policy(route.id),
    queryFn: () => auditsApi.policy(route.id),
  });
  return (
    <>
      <BackLink
        label={t("policies.backToList")}
        onClick={() => {
          memory.set("audits.view", "policies");
          go("audits");
        }}
        testId="back-to-policies"
      />
      <QueryState query={policy}>{(p) => <PolicyView p={p} />}</QueryState>
    </>
  );
}
