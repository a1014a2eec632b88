import type { EncryptionStatus } from "../bindings/EncryptionStatus";
import { call } from "./invoke";

export const securityKeys = {
  status: ["security", "status"] as const,
};

export const securityApi = {
  /**
   * Opens the encrypted data with the passphrase, or with the printed recovery key; with
   * `remember`, keeps the key in the system's keychain. Answers whether it was kept.
   */
  unlock: (secret: { passphrase: string } | { recoveryKey: string }, remember: boolean) =>
    call<boolean>(
      "unlock_database",
      "passphrase" in secret
        ? { passphrase: secret.passphrase, recoveryKey: null, remember }
        : { passphrase: null, recoveryKey: secret.recoveryKey, remember },
    ),
  forgetKey: () => call<EncryptionStatus>("forget_data_key"),
  status: () => call<EncryptionStatus>("encryption_status"),
  /** Each starts a job: poll it with `jobsApi`; the encryption's result holds the recovery key. */
  encrypt: (passphrase: string) => call<number>("start_encrypt", { passphrase }),
  decrypt: () => call<number>("start_decrypt"),
  changePassphrase: (current: string, passphrase: string) =>
    call<void>("change_passphrase", { current, passphrase }),
};
