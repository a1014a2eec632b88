import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError, toApiError } from "../api/invoke";
import type { FieldError } from "../bindings/FieldError";
import { fieldMessage, problemMessage, type Wording } from "./errors";

/** Shows a failure as a red notification, except a dialog the person simply closed. */
export function notifyError(e: unknown, t: TFunction, area?: Wording) {
  if (toApiError(e).code === "dialog_cancelled") return;
  notifications.show({ color: "red", message: problemMessage(e, t, area), autoClose: 10000 });
}

export type ServerFormOptions<T> = {
  /** Backend field name → the form's, where the form names an input differently. */
  alias?: Record<string, keyof T & string>;
  /** The area whose translations word some field errors and refused files (see `Wording`). */
  area?: Wording;
};

/** Whether `path` ("admin.username") names a value of the form. */
function hasPath(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split(".")) {
    if (typeof at !== "object" || at === null || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Splits Rust's field errors into those the form has an input for (path → translated message,
 * the first problem of each field) and the rest.
 */
export function bindFieldErrors<T>(
  fields: FieldError[],
  values: T,
  t: TFunction,
  { alias = {}, area }: ServerFormOptions<T> = {},
): { bound: Record<string, string>; unbound: FieldError[] } {
  const bound: Record<string, string> = {};
  const unbound: FieldError[] = [];
  for (const f of fields) {
    const key: string = alias[f.field] ?? f.field;
    if (hasPath(values, key)) bound[key] ??= fieldMessage(f, t, area);
    else unbound.push(f);
  }
  return { bound, unbound };
}

/**
 * A form whose rules live in Rust: it submits, and `showError` puts each returned field error
 * beside its input. What no input can show (a conflict, a database error, a field the form does
 * not have) becomes a notification; a closed file dialog says nothing.
 */
export function useServerForm<T extends Record<string, unknown>>(
  initialValues: T,
  options: ServerFormOptions<T> = {},
) {
  const { t } = useTranslation();
  const form = useForm<T>({ mode: "controlled", initialValues });

  function showError(e: unknown) {
    const err = toApiError(e);
    if (err.code === "dialog_cancelled") return;
    if (err.code !== "validation") {
      notifyError(err, t, options.area);
      return;
    }
    const { bound, unbound } = bindFieldErrors(err.fields, form.getValues(), t, options);
    form.setErrors(bound);
    if (Object.keys(bound).length > 0) showFirstError();
    if (unbound.length > 0 || Object.keys(bound).length === 0) {
      const fields = unbound.length > 0 ? unbound : err.fields;
      notifyError(
        new ApiError({ code: err.code, message: err.message, fields, params: err.params }),
        t,
        options.area,
      );
    }
  }

  return { form, showError } as { form: UseFormReturnType<T>; showError: (e: unknown) => void };
}

/**
 * Brings the first input marked wrong into view and focuses it, once the errors are drawn: in a
 * long form the person pressed Save at the bottom and would not see a problem at the top.
 */
function showFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!el) return;
    // Test DOMs have no layout, and no scrolling to do.
    el.scrollIntoView?.({ block: "center" });
    el.focus({ preventScroll: true });
  });
}

/** Empty inputs are sent as null, so Rust sees "not given" rather than an empty string. */
export function orNull(s: string): string | null {
  const v = s.trim();
  return v === "" ? null : v;
}
