import { Button, Card, Group, SegmentedControl } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan } from "../../app/session";
import { ActionList } from "./ActionList";
import { AuditFormModal } from "./AuditFormModal";
import { AuditList } from "./AuditList";
import { FindingList } from "./FindingList";
import { VerifyPackButton } from "./PackButtons";
import { PolicyList } from "./PolicyList";
import { TemplateList } from "./TemplateList";
import "./i18n";

type View = "audits" | "findings" | "actions" | "templates" | "policies";
const VIEW_KEY = "audits.view";

/** The audits area: audits, findings, actions and the checklists, one list at a time. */
export function AuditsPage() {
  const { t } = useTranslation();
  const { memory } = useNav();
  const [view, setViewState] = useState<View>(
    (memory.get(VIEW_KEY) as View | undefined) ?? "audits",
  );
  const setView = (v: View) => {
    memory.set(VIEW_KEY, v);
    setViewState(v);
  };
  const canWrite = useCan("audits", "write");
  const [planning, setPlanning] = useState(false);
  return (
    <>
      <PageHeader
        title={t("audits.title")}
        subtitle={t("audits.subtitle")}
        actions={
          <Group gap="xs">
            <VerifyPackButton />
            {canWrite && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setPlanning(true)}
                data-testid="audit-new"
              >
                {t("audits.new")}
              </Button>
            )}
          </Group>
        }
      />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as View)}
        data={(["audits", "findings", "actions", "templates", "policies"] as const).map((v) => ({
          value: v,
          label: t(`audits.views.${v}`),
        }))}
        data-testid="audits-view"
      />
      <Card>
        {view === "audits" && <AuditList canWrite={canWrite} />}
        {view === "findings" && <FindingList />}
        {view === "actions" && <ActionList />}
        {view === "templates" && <TemplateList canWrite={canWrite} />}
        {view === "policies" && <PolicyList canWrite={canWrite} />}
      </Card>
      <AuditFormModal opened={planning} audit={null} onClose={() => setPlanning(false)} />
    </>
  );
}
