/** One kind of file in an area's list (employees: the document types), named in the UI language. */
export type AttachmentKind = {
  id: number;
  name: string;
  /** Retired kinds stay on the files that have them and are offered for nothing new. */
  active: boolean;
  /** Files of this kind expire; the expiry then defaults to the issue date plus the validity. */
  expires: boolean;
  validityMonths: number | null;
};

/** What an area tells the attachments tab about its records. */
export type AttachmentsOptions = {
  /** The record's name, for the open dialog's title ("Rossi Mario"). */
  name: string;
  /**
   * The area's list of kinds of file, when it has one: every file then has a kind, shown in the
   * first column. Without it the files have none.
   */
  kinds?: { label: string; list: AttachmentKind[] };
  /** The area's own words for the button and the empty list. */
  texts?: Partial<
    Record<
      "intro" | "attach" | "attachTitle" | "emptyTitle" | "emptyText" | "emptyReadOnly",
      string
    >
  >;
  /** From a navigation: `attach:<kind>` opens the attach form, `renew:<id>` and `file:<id>` (or `doc:<id>`) show that file. */
  focus?: string | null;
  /** Query keys refreshed after any change besides the record's files (an employee's score). */
  invalidate?: readonly (readonly unknown[])[];
};

/** The record whose files are shown: its table, its id, and the area's options. */
export type Owner = AttachmentsOptions & { entity: string; recordId: number };
