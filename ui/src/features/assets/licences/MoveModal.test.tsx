// @vitest-environment jsdom
import { notifications } from "@mantine/notifications";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import i18next from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/invoke";
import type { Consumable } from "../../../bindings/Consumable";
import type { MoveInput } from "../../../bindings/MoveInput";
import { en as shared } from "../../../i18n/en";
import { initTestI18n, Providers, stubLayout } from "../../../kit/testing";
import { strings } from "./i18n";
import { MoveModal } from "./MoveModal";
import type { MoveDirection } from "./values";

const item = { id: 7, name: "Toner HP 26A", unit: "pz", stock: 3 } as Consumable;

const move = vi.fn(async (_id: number, _input: MoveInput): Promise<Consumable> => item);

vi.mock("../../../api/licences", () => ({
  consumableKeys: { all: ["assets", "consumables"] },
  consumablesApi: { move: (id: number, input: MoveInput) => move(id, input) },
}));

// The person picker searches staff: not needed to record a move without a person.
vi.mock("../../staff/EmployeePicker", () => ({ EmployeePicker: () => null }));

beforeAll(async () => {
  stubLayout();
  await initTestI18n();
  // The shared strings word Rust's refusals (`errors.reason.*`).
  i18next.addResourceBundle("en", "translation", shared, true, true);
  i18next.addResourceBundle("en", "translation", strings.en, true, true);
});

afterEach(() => {
  cleanup();
  move.mockClear();
});

function open(direction: MoveDirection) {
  render(
    <Providers>
      <MoveModal move={{ item, direction }} onClose={() => {}} />
    </Providers>,
  );
  const quantity = screen.getByTestId("move-quantity") as HTMLInputElement;
  return quantity;
}

describe("MoveModal", () => {
  it("adds what is received", async () => {
    fireEvent.change(open("receive"), { target: { value: "4" } });
    fireEvent.click(screen.getByTestId("move-save"));
    await waitFor(() => expect(move).toHaveBeenCalled());
    expect(move.mock.calls[0]).toEqual([
      7,
      { quantity: 4, employee_id: null, moved_on: null, note: null },
    ]);
  });

  it("takes away what is issued, and words Rust's refusal", async () => {
    const show = vi.spyOn(notifications, "show");
    move.mockRejectedValueOnce(
      new ApiError({
        code: "bad_transition",
        message: "not enough in stock",
        fields: [],
        params: { reason: "not_enough_stock", stock: "3" },
      }),
    );
    fireEvent.change(open("issue"), { target: { value: "5" } });
    fireEvent.click(screen.getByTestId("move-save"));
    await waitFor(() => expect(show).toHaveBeenCalled());
    expect(move.mock.calls[0]?.[1].quantity).toBe(-5);
    expect(show.mock.calls[0]?.[0].message).toBe("Not enough in stock: only 3 left.");
  });
});
