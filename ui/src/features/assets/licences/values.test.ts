import { describe, expect, it } from "vitest";
import type { Licence } from "../../../bindings/Licence";
import {
  consumableInput,
  consumableValues,
  keyInput,
  licenceInput,
  licenceValues,
  moveInput,
  seatsText,
  seatUse,
} from "./values";

const licence: Licence = {
  id: 4,
  product_id: 9,
  product_name: "Office",
  publisher: "Microsoft",
  product_version: "2021",
  licence_key: null,
  has_key: true,
  kind: "per_device",
  seats: 5,
  seats_used: 3,
  purchase_date: "2025-01-10",
  expiry_date: null,
  cost_cents: 45999,
  currency: "EUR",
  supplier_name: "Rossi srl",
  order_number: null,
  notes: null,
  retired: false,
  version: 2,
  created_at: "2025-01-10T09:00:00Z",
  updated_at: "2025-01-10T09:00:00Z",
};

describe("seat use", () => {
  it("names over, full and under", () => {
    expect(seatUse(6, 5)).toBe("over");
    expect(seatUse(5, 5)).toBe("full");
    expect(seatUse(0, 5)).toBe("under");
  });

  it("shows the seats held past those bought", () => {
    expect(seatsText(3, 5)).toBe("3 / 5");
    expect(seatsText(7, 5)).toBe("7 / 5 (+2)");
  });
});

describe("licence form", () => {
  it("shows a stored cost in euros and sends it back in cents", () => {
    const v = licenceValues(licence);
    expect(v.cost).toBe(459.99);
    expect(licenceInput(v, "EUR").cost_cents).toBe(45999);
    expect(licenceInput({ ...v, cost: "12,50" }, "EUR").cost_cents).toBe(1250);
    expect(licenceInput({ ...v, cost: "" }, "EUR").cost_cents).toBeNull();
  });

  it("keeps the stored key on an edit unless it is replaced or removed", () => {
    const v = licenceValues(licence);
    expect(v.key_change).toBe("keep");
    expect(keyInput({ ...v, licence_key: "ignored" })).toBeNull();
    expect(keyInput({ licence_key: " AB-12 ", key_change: "set" })).toBe("AB-12");
    expect(keyInput({ licence_key: "", key_change: "set" })).toBeNull();
    expect(keyInput({ licence_key: "", key_change: "remove" })).toBe("");
  });

  it("takes the typed key of a new licence", () => {
    const v = { ...licenceValues(null, 9), licence_key: "XYZ" };
    const input = licenceInput(v, null);
    expect(input.product_id).toBe(9);
    expect(input.licence_key).toBe("XYZ");
    expect(input.seats).toBe(1);
    expect(input.supplier_name).toBeNull();
  });

  it("sends seats left empty as 0, for Rust to ask for a number", () => {
    expect(licenceInput({ ...licenceValues(null), seats: "" }, null).seats).toBe(0);
  });
});

describe("consumable form", () => {
  it("converts the unit cost and the place", () => {
    const v = {
      ...consumableValues(null),
      name: "Toner HP 26A",
      unit_cost: 89.9,
      location_id: "3",
    };
    const input = consumableInput(v, null);
    expect(input.unit_cost_cents).toBe(8990);
    expect(input.location_id).toBe(3);
    expect(input.min_level).toBe(0);
  });
});

describe("stock moves", () => {
  const v = { quantity: 4, employee_id: "12", moved_on: null, note: " " };

  it("adds what is received, with no person", () => {
    expect(moveInput("receive", v)).toEqual({
      quantity: 4,
      employee_id: null,
      moved_on: null,
      note: null,
    });
  });

  it("takes away what is issued, to the person named", () => {
    expect(moveInput("issue", { ...v, quantity: "-4" })).toMatchObject({
      quantity: -4,
      employee_id: 12,
    });
  });

  it("sends an empty quantity as 0, for Rust to refuse", () => {
    expect(moveInput("issue", { ...v, quantity: "" }).quantity).toBe(0);
  });
});
