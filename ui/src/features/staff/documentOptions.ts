import { useTranslation } from "react-i18next";
import { staffKeys } from "../../api/staff";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import type { AttachmentsOptions } from "../attachments/options";
import { nameIn, useDocumentTypes } from "./catalog";
import "./i18n";

/**
 * What the staff area tells the shared attachments tab about an employee's files: the list of
 * document types (every document has one; it gives the expiry and is what completeness counts),
 * the staff wording, and the file and its scores refreshed after every change.
 */
export function useDocumentOptions(file: EmployeeFile, focus: string | null): AttachmentsOptions {
  const { t, i18n } = useTranslation();
  const types = useDocumentTypes();
  const e = file.employee;
  const kinds = (types.data ?? []).map((d) => ({
    id: d.id,
    name: nameIn(d, i18n.language),
    active: d.active,
    expires: d.expires,
    validityMonths: d.validity_months,
  }));
  return {
    name: `${e.last_name} ${e.first_name}`,
    kinds: { label: t("fields.documents.type_id"), list: kinds },
    texts: {
      attach: t("staff.documents.attach"),
      attachTitle: t("staff.documents.attachTitle"),
      emptyTitle: t("staff.documents.emptyTitle"),
      emptyText: t("staff.documents.emptyText"),
      emptyReadOnly: t("staff.documents.emptyReadOnly"),
    },
    focus,
    // The file (its documents, as training's certificates), the list and the roll-ups.
    invalidate: [staffKeys.all],
  };
}
