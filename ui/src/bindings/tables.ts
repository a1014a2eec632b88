// Generated from the table declarations in src-tauri/core/src/store/tracked.rs. Do not edit.

export type TableInfo = {
  area: string;
  references: Record<string, string>;
  dates: readonly string[];
  instants: readonly string[];
  personal: boolean;
};

export const TABLES: Record<string, TableInfo> = {
  organisation: {
    area: "settings",
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  departments: {
    area: "departments",
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  preferences: {
    area: "settings",
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  users: {
    area: "users",
    references: {},
    dates: [],
    instants: [],
    personal: true,
  },
  contract_types: {
    area: "staff",
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  document_types: {
    area: "staff",
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  courses: {
    area: "staff",
    references: {},
    dates: [],
    instants: [],
    personal: false,
  },
  employees: {
    area: "staff",
    references: { department_id: "departments", manager_id: "employees", contract_type_id: "contract_types" },
    dates: ["birth_date", "hire_date", "contract_end", "termination_date"],
    instants: [],
    personal: true,
  },
  documents: {
    area: "staff",
    references: { employee_id: "employees", type_id: "document_types", superseded_by: "documents" },
    dates: ["issued_on", "expires_on"],
    instants: ["uploaded_at"],
    personal: true,
  },
  training_records: {
    area: "staff",
    references: { employee_id: "employees", course_id: "courses", certificate_document_id: "documents" },
    dates: ["completed_on", "expires_on"],
    instants: [],
    personal: true,
  },
  requirements: {
    area: "staff",
    references: { department_id: "departments", document_type_id: "document_types", course_id: "courses" },
    dates: [],
    instants: [],
    personal: false,
  },
};
