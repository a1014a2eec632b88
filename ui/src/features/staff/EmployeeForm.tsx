import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDeviceFloppy } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import { useLeaveGuard, useNav } from "../../app/nav";
import { useCan } from "../../app/session";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import type { EmployeeInput } from "../../bindings/EmployeeInput";
import type { EmployeeSaved } from "../../bindings/EmployeeSaved";
import type { FieldError } from "../../bindings/FieldError";
import type { Sex } from "../../bindings/Sex";
import { formatDate } from "../../i18n/format";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { useAllDepartments, useContractTypes, useOptions, useRequirements } from "./catalog";
import { groupIban } from "./format";
import { ManagerSelect } from "./ManagerSelect";
import "./staff.css";
import { DateField } from "./parts";
import "./i18n";

type Values = {
  employee_number: string;
  first_name: string;
  last_name: string;
  tax_code: string;
  birth_date: string | null;
  birth_place: string;
  sex: string | null;
  email: string;
  private_email: string;
  phone: string;
  address: string;
  iban: string;
  department_id: string | null;
  job_title: string;
  manager_id: string | null;
  hire_date: string | null;
  contract_type_id: string | null;
  contract_end: string | null;
  ccnl: string;
  level: string;
};

function toValues(f: EmployeeFile | null): Values {
  const e = f?.employee;
  const id = (n: number | null | undefined) => (n == null ? null : String(n));
  return {
    employee_number: e?.employee_number ?? "",
    first_name: e?.first_name ?? "",
    last_name: e?.last_name ?? "",
    tax_code: e?.tax_code ?? "",
    birth_date: e?.birth_date ?? null,
    birth_place: e?.birth_place ?? "",
    sex: e?.sex ?? null,
    email: e?.email ?? "",
    private_email: e?.private_email ?? "",
    phone: e?.phone ?? "",
    address: e?.address ?? "",
    iban: e?.iban ? groupIban(e.iban) : "",
    department_id: id(e?.department_id),
    job_title: e?.job_title ?? "",
    manager_id: id(e?.manager_id),
    hire_date: e?.hire_date ?? null,
    contract_type_id: id(e?.contract_type_id),
    contract_end: e?.contract_end ?? null,
    ccnl: e?.ccnl ?? "",
    level: e?.level ?? "",
  };
}

function toInput(v: Values): EmployeeInput {
  const num = (s: string | null) => (s ? Number(s) : null);
  return {
    employee_number: orNull(v.employee_number),
    first_name: v.first_name,
    last_name: v.last_name,
    tax_code: v.tax_code,
    birth_date: v.birth_date || null,
    birth_place: orNull(v.birth_place),
    sex: (v.sex as Sex | null) || null,
    email: orNull(v.email),
    private_email: orNull(v.private_email),
    phone: orNull(v.phone),
    address: orNull(v.address),
    iban: orNull(v.iban),
    department_id: num(v.department_id),
    job_title: orNull(v.job_title),
    manager_id: num(v.manager_id),
    hire_date: v.hire_date || null,
    contract_type_id: num(v.contract_type_id),
    contract_end: v.contract_end || null,
    ccnl: orNull(v.ccnl),
    level: orNull(v.level),
  };
}

/** Warnings the file already carries (the tax code disagreeing with birth date or sex). */
function standingWarnings(f: EmployeeFile | null): FieldError[] {
  const out: FieldError[] = [];
  for (const i of f?.completeness.issues ?? []) {
    if (i.issue.type === "tax_code_mismatch") {
      out.push({ field: "tax_code", code: i.issue.code, params: {} });
    }
  }
  return out;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <Title order={4} mb="md">
        {title}
      </Title>
      <Grid gutter="md">{children}</Grid>
    </Card>
  );
}

type Props = {
  file: EmployeeFile | null;
  /** The input to bring into view and focus (from a completeness issue). */
  focus: string | null;
  /** Warnings returned by the save that created this employee. */
  initialWarnings?: FieldError[];
  onSaved: (saved: EmployeeSaved, created: boolean) => void;
};

/** The employee's data: identity, contacts and pay, employment. Rust validates; errors show here. */
export function EmployeeForm({ file, focus, initialWarnings, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { route } = useNav();
  const canWrite = useCan("staff", "write");
  const { form, showError } = useServerForm<Values>(toValues(file), { area: "staff" });
  const [warnings, setWarnings] = useState<FieldError[]>(
    initialWarnings?.length ? initialWarnings : standingWarnings(file),
  );
  const departments = useAllDepartments();
  const contracts = useContractTypes();
  const requirements = useRequirements();
  const employee = file?.employee ?? null;

  const save = useMutation({
    mutationFn: (v: Values) =>
      employee
        ? staffApi.update(employee.id, employee.version, toInput(v))
        : staffApi.create(toInput(v)),
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: staffKeys.all });
      setWarnings(saved.warnings);
      const fresh = toValues({ ...(file as EmployeeFile), employee: saved.employee });
      form.setInitialValues(fresh);
      form.setValues(fresh);
      form.resetDirty(fresh);
      notifications.show({
        color: saved.warnings.length ? "yellow" : "green",
        message: saved.warnings.length
          ? t("staff.savedWithWarnings")
          : t(employee ? "staff.updated" : "staff.created"),
      });
      onSaved(saved, !employee);
    },
    onError: showError,
  });

  // Unsaved typing is not lost by a click in the navigation; other tabs of this file keep it.
  useLeaveGuard(
    canWrite && form.isDirty() && !save.isPending,
    (to) => to.page === "employee" && employee !== null && to.id === employee.id,
  );

  // A completeness issue sent the person here: bring its input into view and focus it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation
  useEffect(() => {
    if (!focus) return;
    const el = document.querySelector<HTMLElement>(
      `[data-testid=employee-form] [data-field="${focus}"]`,
    );
    if (el) {
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    }
  }, [focus, route]);

  const label = (f: string) => t(`fields.employees.${f}`);
  const warningNote = (field: string) => {
    const ws = warnings.filter((w) => w.field === field);
    if (ws.length === 0) return undefined;
    return (
      <span data-testid={`warning-${field}`}>
        {ws.map((w) => (
          <Text key={w.code} component="span" size="xs" c="yellow.9" display="flex" mt={2}>
            <IconAlertTriangle size={14} style={{ flexShrink: 0, marginRight: 4 }} />
            {t(`staff.warning.${w.code}`, {
              defaultValue: t("errors.field.unknown"),
              in_code:
                w.params.in_code && /^\d{4}-\d{2}-\d{2}$/.test(w.params.in_code)
                  ? formatDate(w.params.in_code, i18n.language)
                  : w.params.in_code
                    ? t(`staff.sex.${w.params.in_code}`, { defaultValue: w.params.in_code })
                    : "",
              context: w.params.in_code ? "detail" : undefined,
            })}
          </Text>
        ))}
      </span>
    );
  };
  // Each input: its label, its error, its name (for focus and tests) and any warning below it.
  const input = (field: keyof Values) => ({
    // Read-only rather than disabled: people who may only read still read it comfortably.
    readOnly: !canWrite,
    label: label(field),
    ...form.getInputProps(field),
    name: field,
    "data-field": field,
    description: warningNote(field),
    inputWrapperOrder: ["label", "input", "description", "error"] as (
      | "label"
      | "input"
      | "description"
      | "error"
    )[],
  });

  const departmentOptions = (departments.data ?? [])
    .filter((d) => d.active || String(d.id) === form.values.department_id)
    .map((d) => ({ value: String(d.id), label: d.name }));
  const contractOptions = useOptions(contracts.data, employee?.contract_type_id);
  const chosenContract = contracts.data?.find((c) => String(c.id) === form.values.contract_type_id);
  const jobTitles = [
    ...new Set((requirements.data ?? []).map((r) => r.job_title).filter((j): j is string => !!j)),
  ].sort();

  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      data-testid="employee-form"
      className="employee-form"
      noValidate
      autoComplete="off"
    >
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <Group align="stretch" gap="md" style={{ flexDirection: "column" }}>
          <Section title={t("staff.sections.identity")}>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput {...input("last_name")} withAsterisk data-autofocus={!employee} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput {...input("first_name")} withAsterisk />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput {...input("employee_number")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                {...input("tax_code")}
                withAsterisk
                maxLength={16}
                classNames={{ input: "code-input" }}
                onChange={(e) =>
                  form.setFieldValue("tax_code", e.currentTarget.value.toUpperCase())
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <Select
                {...input("sex")}
                data={(["F", "M"] as const).map((s) => ({ value: s, label: t(`staff.sex.${s}`) }))}
                clearable
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <DateField {...input("birth_date")} field="birth_date" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput {...input("birth_place")} />
            </Grid.Col>
          </Section>

          <Section title={t("staff.sections.contacts")}>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput {...input("email")} type="email" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput {...input("private_email")} type="email" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput {...input("phone")} type="tel" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput
                {...input("iban")}
                classNames={{ input: "code-input" }}
                onBlur={(e) => {
                  form.getInputProps("iban").onBlur?.(e);
                  if (form.values.iban.trim())
                    form.setFieldValue("iban", groupIban(form.values.iban));
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput {...input("address")} placeholder={t("staff.addressPlaceholder")} />
            </Grid.Col>
          </Section>

          <Section title={t("staff.sections.employment")}>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                {...input("department_id")}
                data={departmentOptions}
                searchable
                clearable
                nothingFoundMessage={t("staff.nothingFound")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Autocomplete {...input("job_title")} data={jobTitles} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <ManagerSelect
                {...input("manager_id")}
                value={form.values.manager_id}
                onChange={(v) => form.setFieldValue("manager_id", v)}
                currentLabel={file?.manager ?? null}
                selfId={employee?.id ?? null}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <DateField {...input("hire_date")} field="hire_date" withAsterisk />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select {...input("contract_type_id")} data={contractOptions} clearable />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <DateField
                {...input("contract_end")}
                field="contract_end"
                withAsterisk={chosenContract?.fixed_term === true}
                description={
                  warningNote("contract_end") ??
                  (chosenContract?.fixed_term ? t("staff.contractEndHelp") : undefined)
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <TextInput {...input("ccnl")} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 1 }}>
              <TextInput {...input("level")} />
            </Grid.Col>
          </Section>
        </Group>
        {canWrite ? (
          <Card mt="md" py="sm" style={{ position: "sticky", bottom: 8, zIndex: 5 }}>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {form.isDirty() ? t("staff.unsaved") : t("staff.requiredNote")}
              </Text>
              <Group>
                {employee && form.isDirty() ? (
                  <Button variant="default" onClick={() => form.reset()}>
                    {t("staff.discard")}
                  </Button>
                ) : null}
                <Button
                  type="submit"
                  loading={save.isPending}
                  leftSection={<IconDeviceFloppy size={16} />}
                  data-testid="employee-save"
                >
                  {employee ? t("common.save") : t("staff.create")}
                </Button>
              </Group>
            </Group>
          </Card>
        ) : (
          <Alert mt="md" color="gray">
            {t("staff.readOnly")}
          </Alert>
        )}
      </fieldset>
    </form>
  );
}
