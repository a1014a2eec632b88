/** The lists of contract types, document types and courses, each in one panel component. */

import { Modal, Table } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../app/QueryState";
import { ContractTypeForm, CourseForm, DocumentTypeForm } from "./CatalogForms";
import {
  type CatalogItem,
  type CatalogKind,
  CatalogRow,
  ListCard,
  NameCell,
  RowActions,
  useShown,
} from "./CatalogList";
import { useContractTypes, useCourses, useDocumentTypes } from "./catalog";
import "./i18n";
import "./i18n-lists";

type Editing<T> = { item: T | null } | null;

/** A column of a list panel after the name: its header and what a row shows in it. */
type Column<T> = { header: string; cell: (item: T) => ReactNode };

/**
 * One list panel (contract types, document types, courses): the entries with their name, the
 * list's own columns and the edit/retire actions, the switch for retired ones, and the form in a
 * dialog. The three lists differ only in their columns and form.
 */
function CatalogPanel<T extends CatalogItem>({
  kind,
  list,
  testId,
  intro,
  newLabel,
  editLabel,
  columns,
  form,
}: {
  kind: CatalogKind;
  list: UseQueryResult<T[]>;
  testId: string;
  intro: string;
  newLabel: string;
  editLabel: string;
  columns: Column<T>[];
  form: (item: T | null, onClose: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const { rows, toggle } = useShown(kind, list.data);
  const [editing, setEditing] = useState<Editing<T>>(null);
  return (
    <ListCard
      intro={intro}
      newLabel={newLabel}
      onNew={() => setEditing({ item: null })}
      extra={toggle}
    >
      <QueryState query={list}>
        {() => (
          <Table verticalSpacing="xs" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("fields.catalog.name")}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.header}>{c.header}</Table.Th>
                ))}
                <Table.Th w={90} aria-label={t("common.actions")} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <CatalogRow key={item.id} item={item}>
                  <NameCell item={item} />
                  {columns.map((c) => (
                    <Table.Td key={c.header}>{c.cell(item)}</Table.Td>
                  ))}
                  <RowActions kind={kind} item={item} onEdit={() => setEditing({ item })} />
                </CatalogRow>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.item ? editLabel : newLabel}
        size="lg"
      >
        {editing ? form(editing.item, () => setEditing(null)) : null}
      </Modal>
    </ListCard>
  );
}

export function ContractTypes() {
  const { t } = useTranslation();
  return (
    <CatalogPanel
      kind="contractType"
      list={useContractTypes()}
      testId="contract-types-table"
      intro={t("staffSettings.contractTypesIntro")}
      newLabel={t("staffSettings.newContractType")}
      editLabel={t("staffSettings.editContractType")}
      columns={[
        {
          header: t("fields.catalog.fixed_term"),
          cell: (c) => (c.fixed_term ? t("common.yes") : t("common.no")),
        },
      ]}
      form={(item, onClose) => <ContractTypeForm item={item} onClose={onClose} />}
    />
  );
}

export function DocumentTypes() {
  const { t } = useTranslation();
  return (
    <CatalogPanel
      kind="documentType"
      list={useDocumentTypes()}
      testId="document-types-table"
      intro={t("staffSettings.documentTypesIntro")}
      newLabel={t("staffSettings.newDocumentType")}
      editLabel={t("staffSettings.editDocumentType")}
      columns={[
        {
          header: t("fields.catalog.expires"),
          cell: (d) => (d.expires ? t("common.yes") : t("common.no")),
        },
        {
          header: t("fields.catalog.validity_months"),
          cell: (d) =>
            d.validity_months
              ? t("staffSettings.months", { count: d.validity_months })
              : d.expires
                ? t("staffSettings.typedEachTime")
                : t("common.none"),
        },
      ]}
      form={(item, onClose) => <DocumentTypeForm item={item} onClose={onClose} />}
    />
  );
}

export function Courses() {
  const { t } = useTranslation();
  return (
    <CatalogPanel
      kind="course"
      list={useCourses()}
      testId="courses-table"
      intro={t("staffSettings.coursesIntro")}
      newLabel={t("staffSettings.newCourse")}
      editLabel={t("staffSettings.editCourse")}
      columns={[
        { header: t("fields.catalog.hours"), cell: (c) => c.hours },
        {
          header: t("fields.catalog.validity_months"),
          cell: (c) =>
            c.validity_months
              ? t("staffSettings.months", { count: c.validity_months })
              : t("staffSettings.neverExpires"),
        },
      ]}
      form={(item, onClose) => <CourseForm item={item} onClose={onClose} />}
    />
  );
}
