import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "../bindings/AppError";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Command } from "./commands";

/** A failed command, carrying the backend's `{ code, message, fields }`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: AppError["fields"];
  readonly params: AppError["params"];

  constructor(e: AppError) {
    super(e.message);
    this.name = "ApiError";
    this.code = e.code;
    this.fields = e.fields;
    this.params = e.params;
  }
}

function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e && "fields" in e;
}

/** Turns anything thrown by `invoke` into an ApiError, so screens handle one shape. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (isAppError(e)) return new ApiError(e);
  return new ApiError({ code: "internal", message: String(e), fields: [], params: {} });
}

/** The only way the UI reaches Rust. */
export async function call<T>(cmd: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}
