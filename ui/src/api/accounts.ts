import type { NewUserInput } from "../bindings/NewUserInput";
import type { SessionInfo } from "../bindings/SessionInfo";
import type { SetupInput } from "../bindings/SetupInput";
import type { User } from "../bindings/User";
import type { UserUpdateInput } from "../bindings/UserUpdateInput";
import { call } from "./invoke";

/** Query keys of this area's reads; `all` refreshes every one of them. */
export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
  detail: (id: number) => [...userKeys.all, "detail", id] as const,
};

export const accountsApi = {
  setup: (input: SetupInput) => call<SessionInfo>("setup", { input }),
  signIn: (username: string, password: string) =>
    call<SessionInfo>("sign_in", { username, password }),
  signOut: () => call<void>("sign_out"),
  session: () => call<SessionInfo | null>("current_session"),
  touch: () => call<void>("touch_session"),
  lock: () => call<void>("lock_session"),
  unlock: (password: string) => call<SessionInfo>("unlock_session", { password }),
  changeOwnPassword: (oldPassword: string, newPassword: string) =>
    call<User>("change_own_password", { oldPassword, newPassword }),
  list: () => call<User[]>("list_users"),
  get: (id: number) => call<User>("get_user", { id }),
  create: (input: NewUserInput) => call<User>("create_user", { input }),
  update: (id: number, version: number, input: UserUpdateInput) =>
    call<User>("update_user", { id, version, input }),
  resetPassword: (id: number, password: string) =>
    call<User>("reset_user_password", { id, password }),
};
