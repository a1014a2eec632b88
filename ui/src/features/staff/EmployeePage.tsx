import { Badge } from "@mantine/core";
import {
  IconCertificate,
  IconChecklist,
  IconDevicesPc,
  IconFiles,
  IconHistory,
  IconUserCircle,
} from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import { type Route, useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import type { FieldError } from "../../bindings/FieldError";
import { formatDate } from "../../i18n/format";
import { BackLink, RecordPage } from "../../kit/RecordPage";
import { HeldAssets } from "../assets/HeldAssets";
import { AttachmentsTab } from "../attachments/AttachmentsTab";
import { CompletenessTab } from "./CompletenessTab";
import { useDocumentOptions } from "./documentOptions";
import { TerminatedNote, useEmployeeActions } from "./EmployeeActions";
import { EmployeeForm } from "./EmployeeForm";
import { EmployeeHistoryTab } from "./EmployeeHistoryTab";
import { ScoreRing, StatusBadge } from "./parts";
import { TrainingTab } from "./TrainingTab";
import "./i18n";

function BackToStaff() {
  const { t } = useTranslation();
  const { go } = useNav();
  return (
    <BackLink label={t("staff.backToList")} onClick={() => go("staff")} testId="back-to-staff" />
  );
}

function NewEmployee() {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  return (
    <>
      <BackToStaff />
      <PageHeader title={t("staff.newTitle")} subtitle={t("staff.newSubtitle")} />
      <EmployeeForm
        file={null}
        focus={null}
        onSaved={(saved) => {
          memory.set(`staff.warnings.${saved.employee.id}`, saved.warnings);
          go({ page: "employee", id: saved.employee.id, tab: "details" });
        }}
      />
    </>
  );
}

/** A count beside a tab's name (orange when it asks for action). */
function Count({ n, urgent }: { n: number; urgent?: boolean }) {
  return (
    <Badge size="xs" variant={urgent ? "filled" : "light"} color={urgent ? "orange" : "gray"}>
      {n}
    </Badge>
  );
}

/** An employee's file on the shared record page: details, documents, training, completeness, history. */
function EmployeeFileView({
  file,
  tab,
  focus,
}: {
  file: EmployeeFile;
  tab: string;
  focus: string | null;
}) {
  const { t, i18n } = useTranslation();
  const { memory } = useNav();
  const qc = useQueryClient();
  const e = file.employee;
  const id = e.id;
  const [warnings] = useState(() => {
    const w = memory.get(`staff.warnings.${id}`) as FieldError[] | undefined;
    memory.delete(`staff.warnings.${id}`);
    return w;
  });
  const { actions, dialogs } = useEmployeeActions(e);
  const documents = useDocumentOptions(file, focus);
  const current = file.documents.filter((d) => d.superseded_by === null).length;
  const issues = file.completeness.issues.length;
  return (
    <RecordPage
      title={`${e.last_name} ${e.first_name}`}
      status={<StatusBadge status={e.status} />}
      leading={<ScoreRing score={file.completeness.score} size={76} />}
      facts={[
        e.job_title,
        file.department,
        e.employee_number ? t("staff.numberShort", { n: e.employee_number }) : null,
        t("staff.hiredOn", { date: formatDate(e.hire_date, i18n.language) }),
      ]}
      actions={actions}
      notice={<TerminatedNote employee={e} />}
      details={{
        key: "details",
        label: t("staff.tabs.details"),
        icon: IconUserCircle,
        // The form stays mounted on other tabs, so unsaved typing survives a look at documents.
        keepMounted: true,
        render: () => (
          <EmployeeForm
            key={id}
            file={file}
            focus={tab === "details" ? focus : null}
            initialWarnings={warnings}
            onSaved={(saved) =>
              qc.setQueryData<EmployeeFile>(staffKeys.detail(id), (old) =>
                old ? { ...old, employee: saved.employee } : old,
              )
            }
          />
        ),
      }}
      attachments={{
        key: "documents",
        label: t("staff.tabs.documents"),
        icon: IconFiles,
        badge: <Count n={current} />,
        render: () => <AttachmentsTab entity="employees" recordId={id} options={documents} />,
      }}
      tabs={[
        {
          key: "training",
          label: t("staff.tabs.training"),
          icon: IconCertificate,
          badge: <Count n={file.training.length} />,
          render: () => <TrainingTab file={file} focus={focus} />,
        },
        {
          key: "assets",
          label: t("staff.tabs.assets"),
          icon: IconDevicesPc,
          render: () => <HeldAssets employeeId={id} leaving={e.status !== "active"} />,
        },
        {
          key: "completeness",
          label: t("staff.tabs.completeness"),
          icon: IconChecklist,
          badge: issues > 0 ? <Count n={issues} urgent /> : null,
          render: () => <CompletenessTab file={file} />,
        },
      ]}
      history={{
        key: "history",
        label: t("staff.tabs.history"),
        icon: IconHistory,
        render: () => <EmployeeHistoryTab employeeId={id} />,
      }}
    >
      {dialogs}
    </RecordPage>
  );
}

/** One employee's file, or the form for a new one. */
export function EmployeePage({ route }: { route: Extract<Route, { page: "employee" }> }) {
  if (route.id === "new") return <NewEmployee />;
  return (
    <ExistingEmployee id={route.id} tab={route.tab ?? "details"} focus={route.focus ?? null} />
  );
}

function ExistingEmployee({ id, tab, focus }: { id: number; tab: string; focus: string | null }) {
  // The first read for this page is the opening of the file; later ones (a save, an attached
  // document invalidating the file) bring the same screen up to date, and Rust does not record
  // those as new openings when this person's opening is already recorded.
  const opened = useRef<number | null>(null);
  const file = useQuery({
    queryKey: staffKeys.detail(id),
    queryFn: () => {
      const reread = opened.current === id;
      opened.current = id;
      return staffApi.get(id, reread);
    },
    // Every opening is read from Rust, so every opening is recorded as a read of personal data,
    // even within a minute of the last one; tab changes within the file re-read nothing.
    refetchOnMount: "always",
    staleTime: 60_000,
  });
  return (
    <>
      <BackToStaff />
      <QueryState query={file}>
        {(f) => <EmployeeFileView file={f} tab={tab} focus={focus} />}
      </QueryState>
    </>
  );
}
