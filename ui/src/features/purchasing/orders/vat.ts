import type { Nature } from "../../../bindings/Nature";

/** The VAT rates an order line may take, in basis points as the form's select holds them. */
export const RATES = ["2200", "1000", "500", "400", "0"];
export const NATURES: Nature[] = [
  "N1",
  "N2.1",
  "N2.2",
  "N3.1",
  "N3.2",
  "N3.3",
  "N3.4",
  "N3.5",
  "N3.6",
  "N4",
  "N5",
  "N6.1",
  "N6.2",
  "N6.3",
  "N6.4",
  "N6.5",
  "N6.6",
  "N6.7",
  "N6.8",
  "N6.9",
  "N7",
];
