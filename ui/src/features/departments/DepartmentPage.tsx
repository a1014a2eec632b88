import { Badge, Button, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconBuildingCommunity, IconFiles, IconPencil } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { attachmentKeys, attachmentsApi } from "../../api/attachments";
import { departmentKeys, departmentsApi } from "../../api/departments";
import { type Route, useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Department } from "../../bindings/Department";
import { formatDateTime } from "../../i18n/format";
import { BackLink, RecordPage } from "../../kit/RecordPage";
import { AttachmentsTab } from "../attachments/AttachmentsTab";
import { DepartmentFormModal } from "./DepartmentFormModal";
import "./i18n";

/** Departments' files are attachments of their table's rows. */
const ENTITY = "departments";

/** One labelled value of the details tab. */
function Fact({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text data-testid={testId}>{value ?? t("common.none")}</Text>
    </Stack>
  );
}

function Details({ d }: { d: Department }) {
  const { t, i18n } = useTranslation();
  const label = (f: string) => t(`fields.departments.${f}`);
  return (
    <Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Fact label={label("name")} value={d.name} testId="department-name" />
        <Fact label={label("code")} value={d.code} testId="department-code" />
        <Fact label={label("cost_centre")} value={d.cost_centre} testId="department-cost-centre" />
        <Fact label={label("head")} value={d.head} testId="department-head" />
        <Fact
          label={t("departments.lastChange")}
          value={formatDateTime(d.updated_at, i18n.language)}
          testId="department-updated"
        />
      </SimpleGrid>
    </Card>
  );
}

/** A department on the shared record page: its details and its files. */
function DepartmentView({ d, focus }: { d: Department; focus: string | null }) {
  const { t } = useTranslation();
  const canWrite = useCan("departments", "write");
  const [editing, setEditing] = useState(false);
  // The same query the files tab shows, so the count beside its name is never a second read.
  const files = useQuery({
    queryKey: attachmentKeys.list(ENTITY, d.id),
    queryFn: () => attachmentsApi.list(ENTITY, d.id),
  });
  const current = (files.data ?? []).filter((f) => f.superseded_by === null).length;
  return (
    <RecordPage
      title={d.name}
      status={
        <Badge color={d.active ? "green" : "gray"} variant="light" data-testid="department-status">
          {t(d.active ? "departments.isActive" : "departments.isInactive")}
        </Badge>
      }
      facts={[
        d.code,
        d.cost_centre ? t("departments.costCentreShort", { cc: d.cost_centre }) : null,
      ]}
      actions={
        canWrite ? (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing(true)}
            data-testid="department-page-edit"
          >
            {t("common.edit")}
          </Button>
        ) : null
      }
      details={{
        key: "details",
        label: t("departments.tabs.details"),
        icon: IconBuildingCommunity,
        render: () => <Details d={d} />,
      }}
      attachments={{
        key: "files",
        label: t("departments.tabs.files"),
        icon: IconFiles,
        badge: files.data ? (
          <Badge size="xs" variant="light" color="gray">
            {current}
          </Badge>
        ) : null,
        render: () => (
          <AttachmentsTab entity={ENTITY} recordId={d.id} options={{ name: d.name, focus }} />
        ),
      }}
    >
      <DepartmentFormModal opened={editing} department={d} onClose={() => setEditing(false)} />
    </RecordPage>
  );
}

/** One department's page, opened from the list. */
export function DepartmentPage({ route }: { route: Extract<Route, { page: "department" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const department = useQuery({
    queryKey: departmentKeys.detail(route.id),
    queryFn: () => departmentsApi.get(route.id),
  });
  return (
    <>
      <BackLink
        label={t("departments.backToList")}
        onClick={() => go("departments")}
        testId="back-to-departments"
      />
      <QueryState query={department}>
        {(d) => <DepartmentView d={d} focus={route.focus ?? null} />}
      </QueryState>
    </>
  );
}
