import type { TFunction } from "i18next";
import type { ImportField } from "../../bindings/ImportField";
import type { ImportLabel } from "../../bindings/ImportLabel";

/** A name Rust sends in both languages, in the person's. */
export function inLanguage(label: ImportLabel, language: string): string {
  return language.startsWith("it") ? label.it : label.en;
}

/**
 * The label of the field a row's problem names: the import field itself, or the one whose column
 * the problem belongs to (`department_id` → Department); the whole row has its own word.
 */
export function fieldLabel(
  fields: ImportField[],
  name: string,
  t: TFunction,
  language: string,
): string {
  if (name === "row") return t("import.wholeRow");
  const field = fields.find((f) => f.key === name || f.also.includes(name));
  return field ? inLanguage(field.label, language) : name;
}

/** Whether a field must be mapped, given what is mapped now. */
export function isRequired(field: ImportField, mapping: Record<string, number>): boolean {
  if (field.required_unless !== null) return mapping[field.required_unless] === undefined;
  return field.required;
}

/** The test id of an option's checkbox: `import-` and its key in kebab case. */
export function optionTestId(key: string): string {
  return `import-${key.replaceAll("_", "-")}`;
}
