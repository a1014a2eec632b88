import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commands";

describe("command list", () => {
  it("matches the commands Rust declares", () => {
    const file = resolve(__dirname, "../../../src-tauri/app/commands/names.in");
    const declared = [...readFileSync(file, "utf8").matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    expect([...COMMANDS].sort()).toEqual(declared.sort());
  });
});
