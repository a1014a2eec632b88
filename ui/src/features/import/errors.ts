import type { TFunction } from "i18next";
import { toApiError } from "../../api/invoke";
import { errorMessage } from "../../lib/errors";

/**
 * The sentence for a failed import step: a refused file says why in the person's language (its
 * `reason` and numbers come from Rust; the English detail in `message` is for logs), anything
 * else is the usual translated code.
 */
export function importErrorMessage(e: unknown, t: TFunction): string {
  const err = toApiError(e);
  const reason = err.params.reason;
  if (err.code === "bad_file" && reason) {
    return t(`import.badFile.${reason}`, {
      ...err.params,
      defaultValue: errorMessage(err, t),
    });
  }
  return errorMessage(err, t);
}
