import type { TFunction } from "i18next";
import { type ApiError, toApiError } from "../api/invoke";
import type { FieldError } from "../bindings/FieldError";

/** The translated sentence for an error's code. */
export function errorMessage(e: unknown, t: TFunction): string {
  const err: ApiError = toApiError(e);
  return t(`errors.code.${err.code}`, { ...err.params, message: err.message });
}

/** The translated text for one field problem, with its parameters (e.g. max length). */
export function fieldMessage(f: FieldError, t: TFunction): string {
  const key = `errors.field.${f.code}`;
  return t(key, { ...f.params, defaultValue: t("errors.field.unknown") });
}

/** Field name → translated message, ready for a form's `setErrors`. */
export function fieldErrors(e: unknown, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of toApiError(e).fields) {
    out[f.field] ??= fieldMessage(f, t);
  }
  return out;
}
