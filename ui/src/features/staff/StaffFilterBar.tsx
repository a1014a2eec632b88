import { Button, Group, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { StatusFilter } from "../../bindings/StatusFilter";
import { useAllDepartments, useContractTypes, useOptions } from "./catalog";
import { NO_FILTERS, type StaffFilters } from "./filters";
import "./i18n";

/** Whether any filter narrows the list (the sort is not a filter). */
export function isFiltered(f: StaffFilters): boolean {
  return (
    f.search.trim() !== "" ||
    f.department !== null ||
    f.contract !== null ||
    f.below !== null ||
    f.within !== null ||
    f.status !== "active"
  );
}

/** The staff list's filters: text, status, department, contract, completeness, expiry. */
export function StaffFilterBar({
  value,
  onChange,
}: {
  value: StaffFilters;
  onChange: (patch: Partial<StaffFilters>) => void;
}) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const contracts = useContractTypes();
  const departmentOptions = (departments.data ?? []).map((d) => ({
    value: String(d.id),
    label: d.active ? d.name : `${d.name} (${t("staff.inactive")})`,
  }));
  const contractOptions = useOptions(contracts.data, null, true);
  return (
    <Stack gap="sm" mb="md">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          label={t("common.search")}
          placeholder={t("staff.searchPlaceholder")}
          value={value.search}
          onChange={(e) => onChange({ search: e.currentTarget.value })}
          style={{ flex: 1 }}
          data-testid="staff-search"
        />
        <SegmentedControl
          value={value.status}
          onChange={(v) => onChange({ status: v as StatusFilter })}
          data={(["active", "terminated", "all"] as const).map((s) => ({
            value: s,
            label: t(`staff.statusFilter.${s}`),
          }))}
          data-testid="staff-filter-status"
        />
        {isFiltered(value) ? (
          <Button
            variant="subtle"
            style={{ flexShrink: 0 }}
            leftSection={<IconFilterOff size={16} />}
            onClick={() => onChange({ ...NO_FILTERS, sort: value.sort, dir: value.dir })}
            data-testid="staff-reset"
          >
            {t("staff.resetFilters")}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm" align="flex-end">
        <Select
          label={t("fields.employees.department_id")}
          placeholder={t("staff.allDepartments")}
          data={departmentOptions}
          value={value.department}
          onChange={(v) => onChange({ department: v })}
          searchable
          clearable
          nothingFoundMessage={t("staff.nothingFound")}
          w={185}
          data-testid="staff-filter-department"
        />
        <Select
          label={t("fields.employees.contract_type_id")}
          placeholder={t("staff.allContracts")}
          data={contractOptions}
          value={value.contract}
          onChange={(v) => onChange({ contract: v })}
          clearable
          w={185}
          data-testid="staff-filter-contract"
        />
        <Select
          label={t("staff.completenessFilter")}
          placeholder={t("staff.anyScore")}
          data={["100", "90", "75", "50"].map((v) => ({
            value: v,
            label: v === "100" ? t("staff.incomplete") : t("staff.below", { n: v }),
          }))}
          value={value.below}
          onChange={(v) => onChange({ below: v })}
          clearable
          w={185}
          data-testid="staff-filter-below"
        />
        <Select
          label={t("staff.expiringFilter")}
          placeholder={t("staff.anyExpiry")}
          data={["30", "60", "90"].map((v) => ({
            value: v,
            label: t("staff.within", { n: v }),
          }))}
          value={value.within}
          onChange={(v) => onChange({ within: v })}
          clearable
          w={185}
          data-testid="staff-filter-within"
        />
      </Group>
    </Stack>
  );
}
