import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import type { ImportField } from "../../bindings/ImportField";
import { fieldLabel, inLanguage, isRequired, optionTestId } from "./labels";

const field = (key: string, extra: Partial<ImportField> = {}): ImportField => ({
  key,
  label: { it: `it:${key}`, en: `en:${key}` },
  required: false,
  required_unless: null,
  kind: "text",
  also: [],
  ...extra,
});

const t = ((k: string) => `t:${k}`) as unknown as TFunction;

describe("import labels", () => {
  it("come from Rust in the person's language", () => {
    expect(inLanguage({ it: "Reparto", en: "Department" }, "it")).toBe("Reparto");
    expect(inLanguage({ it: "Reparto", en: "Department" }, "en")).toBe("Department");
  });

  it("name a problem's field by the import field whose column it belongs to", () => {
    const fields = [field("department", { also: ["department_id"] }), field("email")];
    expect(fieldLabel(fields, "department_id", t, "it")).toBe("it:department");
    expect(fieldLabel(fields, "email", t, "en")).toBe("en:email");
    expect(fieldLabel(fields, "row", t, "en")).toBe("t:import.wholeRow");
    expect(fieldLabel(fields, "other", t, "en")).toBe("other");
  });

  it("mark a field needed unless another is mapped", () => {
    const last = field("last_name", { required: false, required_unless: "full_name" });
    expect(isRequired(last, {})).toBe(true);
    expect(isRequired(last, { full_name: 0 })).toBe(false);
    expect(isRequired(field("tax_code", { required: true }), { full_name: 0 })).toBe(true);
    expect(optionTestId("capitalise_names")).toBe("import-capitalise-names");
  });
});
