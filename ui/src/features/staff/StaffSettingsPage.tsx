import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRemembered } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { ContractTypes, Courses, DocumentTypes } from "./CatalogPanels";
import { Requirements } from "./RequirementsPanel";
import "./staff.css";
import "./i18n";
import "./i18n-lists";

/** The lists behind staff files, and what each job title or department requires. */
export function StaffSettingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useRemembered<string>("staffSettings.tab", "requirements");
  return (
    <>
      <PageHeader title={t("staffSettings.title")} subtitle={t("staffSettings.subtitle")} />
      <Tabs value={tab} onChange={(v) => setTab(v ?? "requirements")} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="requirements" data-testid="settings-tab-requirements">
            {t("staffSettings.tabs.requirements")}
          </Tabs.Tab>
          <Tabs.Tab value="documentTypes" data-testid="settings-tab-document-types">
            {t("staffSettings.tabs.documentTypes")}
          </Tabs.Tab>
          <Tabs.Tab value="courses" data-testid="settings-tab-courses">
            {t("staffSettings.tabs.courses")}
          </Tabs.Tab>
          <Tabs.Tab value="contractTypes" data-testid="settings-tab-contract-types">
            {t("staffSettings.tabs.contractTypes")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requirements">
          <Requirements />
        </Tabs.Panel>
        <Tabs.Panel value="documentTypes">
          <DocumentTypes />
        </Tabs.Panel>
        <Tabs.Panel value="courses">
          <Courses />
        </Tabs.Panel>
        <Tabs.Panel value="contractTypes">
          <ContractTypes />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
