import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { userKeys } from "./accounts";
import { attachmentKeys } from "./attachments";
import { departmentKeys } from "./departments";
import { historyKeys } from "./history";
import { searchKeys } from "./search";
import { settingsKeys } from "./settings";
import { staffCatalogKeys, staffKeys } from "./staff";

const SRC = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "bindings" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("query keys", () => {
  it("are never written inline outside src/api", () => {
    // A key spelled by hand in a screen drifts from the one another screen invalidates.
    const inline = sources(SRC)
      .filter((f) => !relative(SRC, f).startsWith("api"))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => ({ where: `${relative(SRC, f)}:${i + 1}`, line }))
          .filter(({ line }) => /queryKey:\s*[[\x22'`]/.test(line)),
      );
    expect(inline).toEqual([]);
  });

  it("start with a different word per area, so refreshing one area leaves the others", () => {
    const roots = [
      userKeys.all,
      attachmentKeys.all,
      departmentKeys.all,
      historyKeys.all,
      searchKeys.all,
      settingsKeys.home,
      settingsKeys.attention,
      settingsKeys.organisation,
      staffKeys.all,
      staffCatalogKeys.all,
    ].map((k) => k[0]);
    expect(new Set(roots).size).toBe(roots.length);
  });

  it("of one area all begin with its root", () => {
    expect(staffKeys.detail(7).slice(0, 1)).toEqual(staffKeys.all);
    expect(staffKeys.list({} as never).slice(0, 1)).toEqual(staffKeys.all);
    expect(staffCatalogKeys.courses().slice(0, 1)).toEqual(staffCatalogKeys.all);
    expect(departmentKeys.everyone().slice(0, 1)).toEqual(departmentKeys.all);
    expect(userKeys.detail(3).slice(0, 1)).toEqual(userKeys.all);
    expect(historyKeys.list({} as never).slice(0, 1)).toEqual(historyKeys.all);
    expect(searchKeys.global("ros").slice(0, 1)).toEqual(searchKeys.all);
    expect(attachmentKeys.list("employees", 4).slice(0, 1)).toEqual(attachmentKeys.all);
  });
});
