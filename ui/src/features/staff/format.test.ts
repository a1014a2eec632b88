import { describe, expect, it } from "vitest";
import {
  daysUntil,
  expiryState,
  formatSize,
  groupIban,
  parseTypedDate,
  scoreColor,
  todayIso,
} from "./format";

describe("staff formatting", () => {
  it("parses dates as an Italian office types them", () => {
    expect(parseTypedDate("01/02/1980")).toBe("1980-02-01");
    expect(parseTypedDate("1.2.1980")).toBe("1980-02-01");
    expect(parseTypedDate("15-03-2010")).toBe("2010-03-15");
    expect(parseTypedDate("2010-03-15")).toBe("2010-03-15");
    expect(parseTypedDate("31/02/2020")).toBeNull();
    expect(parseTypedDate("01/02/198")).toBeNull();
    expect(parseTypedDate("")).toBeNull();
  });

  it("buckets expiries like the completeness rules", () => {
    const today = "2026-03-02";
    expect(daysUntil("2026-03-01", today)).toBe(-1);
    expect(expiryState("2026-03-01", today)).toBe("expired");
    expect(expiryState("2026-03-02", today)).toBe("soon");
    expect(expiryState("2026-04-01", today)).toBe("soon");
    expect(expiryState("2026-05-31", today)).toBe("coming");
    expect(expiryState("2026-06-01", today)).toBe("ok");
  });

  it("groups IBANs, sizes and scores", () => {
    expect(groupIban("it60x0542811101000000123456")).toBe("IT60 X054 2811 1010 0000 0123 456");
    expect(formatSize(2_500_000, "it-IT")).toBe("2,4 MB");
    expect(formatSize(900, "en-GB")).toBe("900 B");
    expect(scoreColor(100)).toBe("green");
    expect(scoreColor(49)).toBe("red");
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
