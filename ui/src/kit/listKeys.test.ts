import { describe, expect, it } from "vitest";
import { keyTarget } from "./listKeys";

describe("list keys", () => {
  it("move within the rows and open with Enter or Space", () => {
    expect(keyTarget("ArrowDown", 0, 5)).toBe(1);
    expect(keyTarget("ArrowDown", 4, 5)).toBe(4);
    expect(keyTarget("ArrowUp", 0, 5)).toBe(0);
    expect(keyTarget("PageDown", 2, 100_000)).toBe(12);
    expect(keyTarget("PageUp", 3, 100)).toBe(0);
    expect(keyTarget("Home", 70, 100)).toBe(0);
    expect(keyTarget("End", 0, 100_000)).toBe(99_999);
    expect(keyTarget("Enter", 3, 5)).toBe("open");
    expect(keyTarget(" ", 3, 5)).toBe("open");
    expect(keyTarget("a", 3, 5)).toBeNull();
  });
});
