// @vitest-environment jsdom
import { useForm } from "@mantine/form";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import i18next from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Licence } from "../../../bindings/Licence";
import { initTestI18n, Providers, stubLayout } from "../../../kit/testing";
import { strings } from "./i18n";
import { LicenceKeyField } from "./LicenceKeyField";
import { keyInput, type LicenceValues, licenceValues } from "./values";

const licence = {
  id: 4,
  product_id: 9,
  product_name: "Office",
  has_key: true,
  licence_key: null,
  kind: "per_seat",
  seats: 5,
  seats_used: 2,
  currency: "EUR",
  version: 1,
} as Licence;

const revealKey = vi.fn(
  async (id: number): Promise<Licence> => ({
    ...licence,
    id,
    licence_key: "ABCD-1234",
  }),
);

vi.mock("../../../api/licences", () => ({
  licencesApi: { revealKey: (id: number) => revealKey(id) },
}));

beforeAll(async () => {
  stubLayout();
  await initTestI18n();
  i18next.addResourceBundle("en", "translation", strings.en, true, true);
});

afterEach(cleanup);

/** The field inside a form, with what the form would send shown for the test to read. */
function Harness({ licence }: { licence: Licence | null }) {
  const form = useForm<LicenceValues>({
    mode: "controlled",
    initialValues: licenceValues(licence),
  });
  return (
    <>
      <LicenceKeyField licence={licence} form={form} />
      <output data-testid="sent">{JSON.stringify(keyInput(form.values))}</output>
    </>
  );
}

const sent = () => JSON.parse(screen.getByTestId("sent").textContent ?? "");

describe("LicenceKeyField", () => {
  it("keeps a stored key hidden until revealed, saying the reveal is recorded", async () => {
    render(
      <Providers>
        <Harness licence={licence} />
      </Providers>,
    );
    expect(screen.getByTestId("licence-key-stored").textContent).toBe("•••• stored");
    expect(screen.getByText(/recorded in the history/)).toBeTruthy();
    expect(screen.queryByTestId("licence-key")).toBeNull();
    expect(sent()).toBeNull();
    fireEvent.click(screen.getByTestId("key-reveal"));
    expect((await screen.findByTestId("licence-key-value")).textContent).toBe("ABCD-1234");
    expect(revealKey).toHaveBeenCalledWith(4);
    // Revealing reads the key; it does not change it.
    expect(sent()).toBeNull();
  });

  it("replaces or removes a stored key only when asked", () => {
    render(
      <Providers>
        <Harness licence={licence} />
      </Providers>,
    );
    fireEvent.click(screen.getByTestId("key-remove"));
    expect(sent()).toBe("");
    fireEvent.click(screen.getByText("Keep the stored key"));
    fireEvent.click(screen.getByTestId("key-replace"));
    const field = screen.getByTestId("licence-key") as HTMLInputElement;
    expect(field.type).toBe("password");
    fireEvent.change(field, { target: { value: "NEW-KEY" } });
    expect(sent()).toBe("NEW-KEY");
  });

  it("asks a new licence for its key in a password field", () => {
    render(
      <Providers>
        <Harness licence={null} />
      </Providers>,
    );
    const field = screen.getByTestId("licence-key") as HTMLInputElement;
    expect(field.type).toBe("password");
    fireEvent.change(field, { target: { value: "XYZ" } });
    expect(sent()).toBe("XYZ");
  });
});
