import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/invoke";
import { backOrder, localToday, onFormRows, type ReceiveValues, toInput } from "./receiveForm";

const values = (lines: ReceiveValues["lines"]): ReceiveValues => ({
  received_on: "2026-03-02",
  delivery_note: " DDT 12 ",
  delivery_note_date: null,
  notes: "",
  lines,
});

describe("the receive form", () => {
  it("sends only the lines with a quantity, and remembers their rows", () => {
    const { input, rows } = toInput(
      7,
      values([
        { order_line_id: 1, quantity: "", assets: false, asset_category_id: null },
        { order_line_id: 2, quantity: 2.5, assets: false, asset_category_id: null },
        { order_line_id: 3, quantity: 0, assets: false, asset_category_id: null },
        { order_line_id: 4, quantity: 3, assets: true, asset_category_id: null },
      ]),
    );
    expect(rows).toEqual([1, 3]);
    expect(input.delivery_note).toBe("DDT 12");
    expect(input.notes).toBeNull();
    expect(input.lines).toEqual([
      { order_line_id: 2, quantity: "2.5", asset_category_id: null },
      // Switched on without a category: Rust says which line misses it.
      { order_line_id: 4, quantity: "3", asset_category_id: 0 },
    ]);
  });

  it("puts Rust's line errors on the form's rows", () => {
    const e = new ApiError({
      code: "validation",
      message: "",
      fields: [
        { field: "lines.1.quantity", code: "over_received", params: { max: "6", line: "4" } },
        { field: "received_on", code: "date_in_future", params: {} },
      ],
      params: {},
    });
    expect(onFormRows(e, [1, 3]).fields.map((f) => f.field)).toEqual([
      "lines.3.quantity",
      "received_on",
    ]);
  });

  it("knows the back order and today's date", () => {
    expect(backOrder({ quantity: 10_000, received: 4_000 })).toBe(6_000);
    expect(backOrder({ quantity: 10_000, received: 10_500 })).toBe(0);
    expect(localToday(new Date(2026, 2, 2))).toBe("2026-03-02");
  });
});
