import type { ImportArea } from "../bindings/ImportArea";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import { call } from "./invoke";

/** A file chosen in the native dialog; Rust keeps its path (and its area), the UI only its token. */
export type ChosenImport = { token: number; preview: ImportPreview };
export type Mapping = Record<string, number>;
/** The area's yes/no choices, by the keys its preview lists. */
/** The person's yes/no choices, and values the screen fixes (the checklist imported into). */
export type ImportChoices = Record<string, boolean | number>;

export const importApi = {
  choose: (area: ImportArea, title: string) => call<ChosenImport>("choose_import", { area, title }),
  validate: (token: number, mapping: Mapping, options: ImportChoices) =>
    call<ImportReport>("validate_import", { token, mapping, options }),
  /** Starts the all-or-nothing import; returns the job to poll. */
  commit: (token: number, mapping: Mapping, options: ImportChoices) =>
    call<number>("commit_import", { token, mapping, options }),
};
