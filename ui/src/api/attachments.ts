import type { Attachment } from "../bindings/Attachment";
import type { AttachmentEdit } from "../bindings/AttachmentEdit";
import type { AttachmentInput } from "../bindings/AttachmentInput";
import type { RenewalInput } from "../bindings/RenewalInput";
import { call } from "./invoke";

/** Query keys of files attached to records; `all` refreshes every record's list. */
export const attachmentKeys = {
  all: ["attachments"] as const,
  /** One record's files, every version: the record is its table's name and its id. */
  list: (entity: string, recordId: number) => [...attachmentKeys.all, entity, recordId] as const,
};

/** Files attached to any record. Files come and go through Rust's native dialogs. */
export const attachmentsApi = {
  list: (entity: string, recordId: number) =>
    call<Attachment[]>("list_attachments", { entity, recordId }),
  /** Opens the native open dialog titled `title`, then attaches the chosen file. */
  attach: (entity: string, recordId: number, input: AttachmentInput, title: string) =>
    call<Attachment>("attach_file", { entity, recordId, input, title }),
  /** Opens the open dialog for the new file; the current version stays as an earlier one. */
  renew: (id: number, version: number, input: RenewalInput, title: string) =>
    call<Attachment>("renew_attachment", { id, version, input, title }),
  update: (id: number, version: number, edit: AttachmentEdit) =>
    call<Attachment>("update_attachment", { id, version, edit }),
  remove: (id: number, version: number) => call<void>("delete_attachment", { id, version }),
  /** Opens the save dialog proposing `fileName`; returns the path written. */
  exportCopy: (id: number, fileName: string, title: string) =>
    call<string>("export_attachment", { id, fileName, title }),
  /** Opens a read-only copy with the system's viewer. */
  open: (id: number) => call<void>("open_attachment", { id }),
};
