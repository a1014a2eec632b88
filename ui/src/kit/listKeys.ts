// The keyboard in a list: where each key moves the focus, from one row among `total`.

/** The row index a key leads to, "open" for the keys that open the row, or null for others. */
export function keyTarget(key: string, index: number, total: number): number | "open" | null {
  const to = (n: number) => Math.max(0, Math.min(total - 1, n));
  switch (key) {
    case "Enter":
    case " ":
      return "open";
    case "ArrowDown":
      return to(index + 1);
    case "ArrowUp":
      return to(index - 1);
    case "PageDown":
      return to(index + 10);
    case "PageUp":
      return to(index - 10);
    case "Home":
      return 0;
    case "End":
      return to(total - 1);
    default:
      return null;
  }
}
