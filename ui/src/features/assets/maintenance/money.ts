// Amounts typed in euros, kept and sent as integer cents.

/**
 * Euros (a number or the input's text) to whole cents, rounded half up; empty is null. The
 * product is trimmed to 12 significant digits first, so 1.005 € is 101 cents, not the 100 that
 * binary floating point would give.
 */
export function toCents(value: number | string | null | undefined): number | null {
  if (value === "" || value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value.replace(",", "."));
  if (!Number.isFinite(n)) return null;
  return Math.round(Number((n * 100).toPrecision(12)));
}

/** Cents to the euros an input shows; null is empty. */
export function fromCents(cents: number | null): number | "" {
  return cents === null ? "" : cents / 100;
}
