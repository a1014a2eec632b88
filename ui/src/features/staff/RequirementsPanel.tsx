/** What each job title or department requires: documents and courses. */

import { ActionIcon, Badge, Modal, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffCatalogApi, staffCatalogKeys, staffKeys } from "../../api/staff";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Requirement } from "../../bindings/Requirement";
import { notifyError } from "../../lib/useServerForm";
import { RequirementForm } from "./CatalogForms";
import { ListCard } from "./CatalogList";
import {
  nameIn,
  useAllDepartments,
  useCourses,
  useDocumentTypes,
  useNames,
  useRequirements,
} from "./catalog";
import "./i18n";
import "./i18n-lists";

export function Requirements() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("staff", "write");
  const list = useRequirements();
  const departments = useAllDepartments();
  const docType = useNames(useDocumentTypes().data);
  const courses = useCourses();
  const course = (id: number) => {
    const c = courses.data?.find((x) => x.id === id);
    return c ? nameIn(c, i18n.language) : "?";
  };
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (r: Requirement) => staffCatalogApi.deleteRequirement(r.id, r.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: staffCatalogKeys.all });
      qc.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({ color: "green", message: t("staffSettings.requirementDeleted") });
    },
    onError: (e) => notifyError(e, t, "staff"),
  });
  return (
    <ListCard
      intro={t("staffSettings.requirementsIntro")}
      newLabel={t("staffSettings.newRequirement")}
      onNew={() => setAdding(true)}
    >
      <QueryState query={list}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="requirements-empty">
              {t("staffSettings.noRequirements")}
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="requirements-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("fields.requirements.job_title")}</Table.Th>
                  <Table.Th>{t("fields.requirements.department_id")}</Table.Th>
                  <Table.Th>{t("staffSettings.requires")}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid="requirement-row">
                    <Table.Td>
                      {r.job_title ?? (
                        <Text span c="dimmed" size="sm">
                          {t("staffSettings.anyJobTitle")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.department_id ? (
                        (departments.data?.find((d) => d.id === r.department_id)?.name ?? "?")
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t("staffSettings.anyDepartment")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={r.document_type_id ? "indigo" : "teal"}
                        mr={6}
                        style={{ textTransform: "none" }}
                      >
                        {r.document_type_id
                          ? t("staffSettings.kind.document")
                          : t("staffSettings.kind.course")}
                      </Badge>
                      {r.document_type_id
                        ? (docType(r.document_type_id) ?? "?")
                        : course(r.course_id ?? 0)}
                    </Table.Td>
                    <Table.Td>
                      {canWrite ? (
                        <Tooltip label={t("staffSettings.deleteRequirement")}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("staffSettings.deleteRequirement")}
                            onClick={() => remove.mutate(r)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t("staffSettings.newRequirement")}
        size="lg"
      >
        {adding ? <RequirementForm onClose={() => setAdding(false)} /> : null}
      </Modal>
    </ListCard>
  );
}
