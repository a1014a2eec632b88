import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import type { JobStatus } from "../bindings/JobStatus";
import { call } from "./invoke";

/** A file chosen in the native dialog; Rust keeps its path, the UI only its token. */
export type ChosenImport = { token: number; preview: ImportPreview };
export type Mapping = Record<string, number>;

export const staffImportApi = {
  choose: (title: string) => call<ChosenImport>("choose_staff_import", { title }),
  validate: (token: number, mapping: Mapping, options: ImportOptions) =>
    call<ImportReport>("validate_staff_import", { token, mapping, options }),
  /** Starts the all-or-nothing import; returns the job to poll. */
  commit: (token: number, mapping: Mapping, options: ImportOptions) =>
    call<number>("commit_staff_import", { token, mapping, options }),
  status: (id: number) => call<JobStatus>("job_status", { id }),
  cancel: (id: number) => call<void>("cancel_job", { id }),
};
