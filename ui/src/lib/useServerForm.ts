import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { toApiError } from "../api/invoke";
import { errorMessage, fieldErrors } from "./errors";

/**
 * A form whose rules live in Rust: it submits, and puts each returned field error beside its
 * input. Errors that belong to no field (conflict, database) become a notification.
 */
export function useServerForm<T extends Record<string, unknown>>(initialValues: T) {
  const { t } = useTranslation();
  const form = useForm<T>({ mode: "controlled", initialValues });

  function showError(e: unknown) {
    const err = toApiError(e);
    const fields = fieldErrors(err, t);
    form.setErrors(fields);
    if (err.code !== "validation" || Object.keys(fields).length === 0) {
      notifications.show({ color: "red", message: errorMessage(err, t), autoClose: 8000 });
    }
  }

  return { form, showError } as { form: UseFormReturnType<T>; showError: (e: unknown) => void };
}

/** Empty inputs are sent as null, so Rust sees "not given" rather than an empty string. */
export function orNull(s: string): string | null {
  const v = s.trim();
  return v === "" ? null : v;
}
