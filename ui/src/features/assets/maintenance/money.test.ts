import { describe, expect, it } from "vitest";
import { fromCents, toCents } from "./money";

describe("toCents", () => {
  it("turns euros into whole cents", () => {
    expect(toCents(12)).toBe(1200);
    expect(toCents(12.5)).toBe(1250);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(19.99)).toBe(1999);
  });

  it("rounds half a cent up, despite binary fractions", () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(2.675)).toBe(268);
    expect(toCents(0.004)).toBe(0);
  });

  it("reads the input's text, with a decimal comma too", () => {
    expect(toCents("7.25")).toBe(725);
    expect(toCents("7,25")).toBe(725);
  });

  it("leaves an empty amount empty", () => {
    expect(toCents("")).toBeNull();
    expect(toCents(null)).toBeNull();
    expect(toCents("abc")).toBeNull();
  });
});

describe("fromCents", () => {
  it("shows cents as euros", () => {
    expect(fromCents(1999)).toBe(19.99);
    expect(fromCents(null)).toBe("");
  });
});
