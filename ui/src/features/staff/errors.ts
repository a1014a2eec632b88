import type { UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError, toApiError } from "../../api/invoke";
import type { FieldError } from "../../bindings/FieldError";
import { errorMessage, fieldMessage } from "../../lib/errors";
import { useServerForm } from "../../lib/useServerForm";
import "./i18n";

/**
 * The sentence for a failed staff command: a refused file says why (too large, wrong type,
 * content not matching its extension); field problems with no input to show them beside are
 * spelled out; anything else is the usual translated code.
 */
export function staffErrorMessage(e: unknown, t: TFunction): string {
  const err = toApiError(e);
  const reason = err.params.reason;
  if (err.code === "bad_file" && reason) {
    return t(`staff.badFile.${reason}`, {
      ...err.params,
      defaultValue: errorMessage(err, t),
    });
  }
  if (err.code === "validation" && err.fields.length > 0) {
    return err.fields.map((f) => staffFieldMessage(f, t)).join(" · ");
  }
  return errorMessage(err, t);
}

/** A field problem, worded for this field when a generic word would be vague ("Already in use"). */
export function staffFieldMessage(f: FieldError, t: TFunction): string {
  // Params cross the boundary as text; i18next picks a plural form only for a numeric count.
  const count = f.params.count === undefined ? {} : { count: Number(f.params.count) };
  return t(`staff.fieldError.${f.field}_${f.code}`, {
    ...f.params,
    ...count,
    defaultValue: fieldMessage(f, t),
  });
}

/** Shows a failure as a red notification, except a dialog the person simply closed. */
export function notifyError(e: unknown, t: TFunction) {
  if (toApiError(e).code === "dialog_cancelled") return;
  notifications.show({ color: "red", message: staffErrorMessage(e, t), autoClose: 10000 });
}

/**
 * `useServerForm` for the staff screens: field errors go beside their inputs (`alias` renames a
 * backend field to the form's), errors for fields the form does not have become a
 * notification, a refused file explains itself, and a closed dialog says nothing.
 */
export function useStaffForm<T extends Record<string, unknown>>(
  initialValues: T,
  alias: Record<string, keyof T & string> = {},
) {
  const { t } = useTranslation();
  const { form } = useServerForm(initialValues);
  function show(e: unknown) {
    const err = toApiError(e);
    if (err.code === "dialog_cancelled") return;
    if (err.code !== "validation") {
      notifyError(err, t);
      return;
    }
    const bound: Record<string, string> = {};
    const unbound = [];
    for (const f of err.fields) {
      const key = alias[f.field] ?? f.field;
      if (key in form.values) bound[key] ??= staffFieldMessage(f, t);
      else unbound.push(f);
    }
    form.setErrors(bound);
    if (unbound.length > 0 || Object.keys(bound).length === 0) {
      const fields = unbound.length > 0 ? unbound : err.fields;
      notifyError(
        new ApiError({ code: err.code, message: err.message, fields, params: err.params }),
        t,
      );
    }
  }
  return { form, showError: show } as {
    form: UseFormReturnType<T>;
    showError: (e: unknown) => void;
  };
}
