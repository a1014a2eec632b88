import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../api/invoke";
import type { FieldError } from "../bindings/FieldError";
import { errorMessage, problemMessage } from "./errors";
import { bindFieldErrors } from "./useServerForm";

let t: TFunction;

beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    lng: "en",
    interpolation: { escapeValue: false },
    resources: {
      en: {
        translation: {
          errors: {
            code: { validation: "Check the fields", bad_file: "This file cannot be used" },
            field: {
              required: "Required",
              too_long: "At most {{max}} characters",
              duplicate: "Already in use",
              unknown: "Invalid value",
            },
          },
          staff: {
            fieldError: {
              tax_code_duplicate: "Another active employee has this tax code",
              course_id_in_use_one: "One requirement asks for it",
              course_id_in_use_other: "{{count}} requirements ask for it",
            },
            badFile: { too_large: "Larger than {{max}} MB" },
          },
        },
      },
    },
  });
  t = i18n.t;
});

const field = (f: string, code: string, params: Record<string, string> = {}): FieldError => ({
  field: f,
  code,
  params,
});

describe("bindFieldErrors", () => {
  const values = {
    name: "",
    tax_code: "",
    target: null,
    admin: { username: "", password: "" },
  };

  it("puts each field's first problem beside its input, with its parameters", () => {
    const { bound, unbound } = bindFieldErrors(
      [field("name", "too_long", { max: "80" }), field("name", "required")],
      values,
      t,
    );
    expect(bound).toEqual({ name: "At most 80 characters" });
    expect(unbound).toEqual([]);
  });

  it("finds nested inputs by their dotted path", () => {
    const { bound } = bindFieldErrors([field("admin.username", "required")], values, t);
    expect(bound).toEqual({ "admin.username": "Required" });
  });

  it("renames backend fields the form calls differently", () => {
    const { bound } = bindFieldErrors([field("required", "required")], values, t, {
      alias: { required: "target" },
    });
    expect(bound).toEqual({ target: "Required" });
  });

  it("leaves out fields the form has no input for, for a notification to name", () => {
    const missing = field("employee_id", "required");
    const { bound, unbound } = bindFieldErrors([missing, field("name", "required")], values, t);
    expect(bound).toEqual({ name: "Required" });
    expect(unbound).toEqual([missing]);
    // A path through a value that is not an object is not an input either.
    expect(bindFieldErrors([field("name.first", "required")], values, t).unbound).toHaveLength(1);
  });

  it("uses an area's own wording when it has one, and the shared one otherwise", () => {
    const fields = [field("tax_code", "duplicate"), field("name", "duplicate")];
    expect(bindFieldErrors(fields, values, t, { area: "staff" }).bound).toEqual({
      tax_code: "Another active employee has this tax code",
      name: "Already in use",
    });
    expect(bindFieldErrors(fields, values, t).bound.tax_code).toBe("Already in use");
  });

  it("picks the plural form from a count sent as text", () => {
    const { bound } = bindFieldErrors(
      [field("course_id", "in_use", { count: "3" })],
      { course_id: null },
      t,
      { area: "staff" },
    );
    expect(bound).toEqual({ course_id: "3 requirements ask for it" });
  });

  it("falls back to a generic sentence for an unknown code", () => {
    expect(bindFieldErrors([field("name", "no_such_code")], values, t).bound).toEqual({
      name: "Invalid value",
    });
  });
});

describe("messages away from the form", () => {
  const err = (code: "validation" | "bad_file", fields: FieldError[], params = {}) =>
    new ApiError({ code, message: "raw", fields, params });

  it("spell out every field problem of a refused save", () => {
    const e = err("validation", [field("employee_id", "required"), field("tax_code", "duplicate")]);
    expect(problemMessage(e, t, "staff")).toBe(
      "Required · Another active employee has this tax code",
    );
    expect(problemMessage(err("validation", []), t)).toBe("Check the fields");
  });

  it("say why a file was refused when the area words it", () => {
    const e = err("bad_file", [], { reason: "too_large", max: "25" });
    expect(errorMessage(e, t, "staff")).toBe("Larger than 25 MB");
    expect(errorMessage(e, t)).toBe("This file cannot be used");
  });
});
