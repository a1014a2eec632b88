import type { TFunction } from "i18next";
import { toApiError } from "../../api/invoke";
import { errorMessage, fieldMessage } from "../../lib/errors";

/** What a refused unlock says: the wait when one runs, else which secret did not fit. */
export function unlockError(e: unknown, recovery: boolean, t: TFunction): string {
  const err = toApiError(e);
  if (err.code === "wrong_passphrase") {
    if (err.params.seconds) return t("security.unlock.wait", { seconds: err.params.seconds });
    return recovery ? t("security.unlock.wrongRecovery") : t("security.unlock.wrong");
  }
  if (err.code === "validation" && err.fields[0]) return fieldMessage(err.fields[0], t, "security");
  return errorMessage(err, t);
}
