import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format";

describe("formatting by locale", () => {
  it("shows dates as dd/mm/yyyy in both languages", () => {
    expect(formatDate("2026-03-02", "it")).toBe("02/03/2026");
    expect(formatDate("2026-03-02", "en")).toBe("02/03/2026");
  });

  it("formats money the Italian way", () => {
    expect(formatMoney(123456, "EUR", "it")).toBe("1.234,56\u00a0€");
    expect(formatMoney(-5, "EUR", "it")).toBe("-0,05\u00a0€");
    expect(formatMoney(123456, "EUR", "en")).toBe("€1,234.56");
  });

  it("groups thousands by locale", () => {
    expect(formatNumber(1234567, "it")).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });

  it("keeps unparseable values as they are", () => {
    expect(formatDateTime("not a date", "it")).toBe("not a date");
  });
});
