import type { BackupSet } from "../bindings/BackupSet";
import type { BackupSettings } from "../bindings/BackupSettings";
import type { Retention } from "../bindings/Retention";
import { call } from "./invoke";

/** Query keys of this area's reads; `all` refreshes every one of them. */
export const backupKeys = {
  all: ["backups"] as const,
  settings: () => [...backupKeys.all, "settings"] as const,
  sets: () => [...backupKeys.all, "sets"] as const,
};

export const backupsApi = {
  settings: () => call<BackupSettings>("backup_settings"),
  /** The folder through the native dialog; `title` is the dialog's. */
  chooseFolder: (title: string) => call<BackupSettings>("choose_backup_folder", { title }),
  saveRetention: (retention: Retention) =>
    call<BackupSettings>("save_backup_retention", { retention }),
  sets: () => call<BackupSet[]>("list_backups"),
  /** Each starts a job: poll it with `jobsApi`. */
  backUp: () => call<number>("start_backup"),
  prove: (name: string) => call<number>("start_prove_backup", { name }),
  /** `passphrase`: for a set encrypted with another key, its passphrase or recovery key. */
  restore: (name: string, passphrase?: string) =>
    call<number>("start_restore", { name, passphrase: passphrase ?? null }),
  /** Starts the app again, which applies a staged restore before anything opens. */
  restart: () => call<void>("restart_app"),
};
