// Generated from the table declarations in src-tauri/core/src/store/tracked.rs. Do not edit.

export type TableInfo = {
  /** The area of every row; null when each row takes its owner's (`owner`). */
  area: string | null;
  /** The columns naming each row's owner: a table and an id there. */
  owner: { entity: string; id: string } | null;
  references: Record<string, string>;
  dates: readonly string[];
  instants: readonly string[];
  personal: boolean;
};

export const TABLES: Record<string, TableInfo> = {
  organisation: {
    area: "settings",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  departments: {
    area: "departments",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  preferences: {
    area: "settings",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  users: {
    area: "users",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: true,
  },
  contract_types: {
    area: "staff",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  document_types: {
    area: "staff",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  courses: {
    area: "staff",
    owner: null,
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  employees: {
    area: "staff",
    owner: null,
    references: { department_id: "departments", manager_id: "employees", contract_type_id: "contract_types" },
    dates: ["birth_date", "hire_date", "contract_end", "termination_date"],
    instants: [],
    personal: true,
  },
  attachments: {
    area: null,
    owner: { entity: "entity", id: "record_id" },
    references: { type_id: "document_types", superseded_by: "attachments" },
    dates: ["issued_on", "expires_on"],
    instants: ["uploaded_at"],
    personal: true,
  },
  training_records: {
    area: "staff",
    owner: null,
    references: { employee_id: "employees", course_id: "courses", certificate_document_id: "attachments" },
    dates: ["completed_on", "expires_on"],
    instants: [],
    personal: true,
  },
  requirements: {
    area: "staff",
    owner: null,
    references: { department_id: "departments", document_type_id: "document_types", course_id: "courses" },
    dates: [],
    instants: [],
    personal: false,
  },
  documents: {
    area: "staff",
    owner: null,
    references: { employee_id: "employees", type_id: "document_types", superseded_by: "documents" },
    dates: ["issued_on", "expires_on"],
    instants: ["uploaded_at"],
    personal: true,
  },
};
