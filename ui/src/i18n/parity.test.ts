import { describe, expect, it } from "vitest";
import { en } from "./en";
import { it as itStrings } from "./it";
import type { Bundle } from "./strings";

/**
 * Every feature's strings (each folder's `i18n.ts` and `i18n-*.ts`) and the kit's, found by the
 * bundler's glob.
 */
const features = import.meta.glob<{ strings: Bundle }>(
  ["../features/**/i18n*.ts", "!../features/**/*.test.ts", "../kit/i18n.ts"],
  { eager: true },
);

/** "a.b.c" for every string, so two languages can be compared key by key. */
function keys(o: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string"
      ? [`${prefix}${k}`]
      : keys(v as Record<string, unknown>, `${prefix}${k}.`),
  );
}

const bundles: [string, Bundle][] = [
  ["shared (src/i18n)", { en, it: itStrings }],
  ...Object.entries(features).map(([path, m]): [string, Bundle] => [path, m.strings]),
];

describe("translations", () => {
  it("finds every feature's file", () => {
    expect(Object.keys(features).length).toBeGreaterThanOrEqual(7);
  });

  it.each(bundles)("%s has the same keys in Italian and English", (_, b) => {
    const english = keys(b.en).sort();
    expect(english.length).toBeGreaterThan(0);
    expect(keys(b.it).sort()).toEqual(english);
  });

  it.each(bundles)("%s has no empty string", (_, b) => {
    for (const [language, strings] of Object.entries(b)) {
      const empty = keys(strings).filter((k) => {
        const v = k
          .split(".")
          .reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], strings);
        return v === "";
      });
      expect(empty, language).toEqual([]);
    }
  });

  it("gives each top-level name to one file only", () => {
    const owners = new Map<string, string>();
    for (const [file, b] of bundles) {
      for (const name of Object.keys(b.en)) {
        expect(owners.get(name), `${name} in ${file}`).toBeUndefined();
        owners.set(name, file);
      }
    }
  });
});
