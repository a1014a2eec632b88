import type { TFunction } from "i18next";
import { type ApiError, toApiError } from "../api/invoke";
import type { FieldError } from "../bindings/FieldError";

/**
 * An area that words some errors more precisely than the shared `errors.*` strings: its
 * translations may hold `<area>.field.<code>`, `<area>.reason.<reason>`,
 * `<area>.fieldError.<field>_<code>` (e.g. "Already in use" becomes "Another
 * active employee has this tax code") and `<area>.badFile.<reason>` for a refused file.
 */
export type Wording = string | undefined;

/** The translated sentence for an error's code; a refused file says why when the area can. */
export function errorMessage(e: unknown, t: TFunction, area?: Wording): string {
  const err: ApiError = toApiError(e);
  const generic = t(`errors.code.${err.code}`, { ...err.params, message: err.message });
  const reason = err.params.reason;
  if (area && err.code === "bad_file" && reason) {
    return t(`${area}.badFile.${reason}`, { ...err.params, defaultValue: generic });
  }
  // An area words its own reasons; a few are worded the same everywhere (e.g. a restart that
  // must come first).
  if (area && reason) {
    const own = t(`${area}.reason.${reason}`, { ...err.params, defaultValue: "" });
    if (own) return own;
  }
  if (reason) {
    const shared = t(`errors.reason.${reason}`, { ...err.params, defaultValue: "" });
    if (shared) return shared;
  }
  return generic;
}

/** The translated text for one field problem, with its parameters (e.g. max length). */
export function fieldMessage(f: FieldError, t: TFunction, area?: Wording): string {
  // Params cross the boundary as text; i18next picks a plural form only for a numeric count.
  const count = f.params.count === undefined ? {} : { count: Number(f.params.count) };
  const generic = t(`errors.field.${f.code}`, {
    ...f.params,
    ...count,
    defaultValue: t("errors.field.unknown"),
  });
  if (!area) return generic;
  // The area's wording of this field's problem, then of the code anywhere in the area (its words
  // load with its screens), then the shared one.
  const own = t(`${area}.field.${f.code}`, { ...f.params, ...count, defaultValue: generic });
  return t(`${area}.fieldError.${f.field}_${f.code}`, {
    ...f.params,
    ...count,
    defaultValue: own,
  });
}

/**
 * The sentence for a failure shown away from any input (a notification): field problems are
 * spelled out one by one, anything else is the translated code.
 */
export function problemMessage(e: unknown, t: TFunction, area?: Wording): string {
  const err = toApiError(e);
  if (err.code === "validation" && err.fields.length > 0) {
    return err.fields.map((f) => fieldMessage(f, t, area)).join(" · ");
  }
  return errorMessage(err, t, area);
}

/** Field name → translated message, ready for a form's `setErrors`. */
export function fieldErrors(e: unknown, t: TFunction, area?: Wording): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of toApiError(e).fields) {
    out[f.field] ??= fieldMessage(f, t, area);
  }
  return out;
}
