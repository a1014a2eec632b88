import type { EncryptionStatus } from "../bindings/EncryptionStatus";
import { call } from "./invoke";

export const securityKeys = {
  status: ["security", "status"] as const,
};

export const securityApi = {
  /** Opens the encrypted data with the passphrase, or with the printed recovery key. */
  unlock: (secret: { passphrase: string } | { recoveryKey: string }) =>
    call<void>(
      "unlock_database",
      "passphrase" in secret
        ? { passphrase: secret.passphrase, recoveryKey: null }
        : { passphrase: null, recoveryKey: secret.recoveryKey },
    ),
  status: () => call<EncryptionStatus>("encryption_status"),
  /** Each starts a job: poll it with `jobsApi`; the encryption's result holds the recovery key. */
  encrypt: (passphrase: string) => call<number>("start_encrypt", { passphrase }),
  decrypt: () => call<number>("start_decrypt"),
  changePassphrase: (current: string, passphrase: string) =>
    call<void>("change_passphrase", { current, passphrase }),
};
