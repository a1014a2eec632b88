import { describe, expect, it } from "vitest";
import { strings } from "./i18n";

// The shared parity test reads only the feature folders' own files, so this folder checks its own.

function keys(o: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string"
      ? [`${prefix}${k}`]
      : keys(v as Record<string, unknown>, `${prefix}${k}.`),
  );
}

function valueAt(o: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((at, p) => (at as Record<string, unknown>)[p], o);
}

describe("maintenance strings", () => {
  it("has the same keys in Italian and English", () => {
    expect(keys(strings.it).sort()).toEqual(keys(strings.en).sort());
  });

  it("has no empty string", () => {
    for (const lang of [strings.en, strings.it]) {
      expect(keys(lang).filter((k) => valueAt(lang, k) === "")).toEqual([]);
    }
  });

  it("keeps the same placeholders in both languages", () => {
    const holes = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const k of keys(strings.en)) {
      expect(holes(valueAt(strings.it, k)), k).toEqual(holes(valueAt(strings.en, k)));
    }
  });
});
