// Every command the UI may call; must equal src-tauri/app/commands/names.in (a test checks).
export const COMMANDS = [
  "startup",
  "home",
  "get_preferences",
  "set_language",
  "get_organisation",
  "save_organisation",
  "list_departments",
  "get_department",
  "create_department",
  "update_department",
  "set_department_active",
  "list_history",
  "history_status",
  "verify_history",
] as const;

export type Command = (typeof COMMANDS)[number];
