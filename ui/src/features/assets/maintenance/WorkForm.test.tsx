// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import i18next from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/invoke";
import type { MaintenanceLogEntry } from "../../../bindings/MaintenanceLogEntry";
import type { MaintenanceLogInput } from "../../../bindings/MaintenanceLogInput";
import { initTestI18n, Providers, stubLayout } from "../../../kit/testing";
import { strings } from "./i18n";
import { WorkForm } from "./WorkForm";

beforeAll(async () => {
  stubLayout();
  // The outcome's SegmentedControl measures itself.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  await initTestI18n();
  i18next.addResourceBundle("en", "translation", strings.en, true, true);
});

afterEach(cleanup);

function renderForm(submit: (input: MaintenanceLogInput) => Promise<MaintenanceLogEntry>) {
  const onDone = vi.fn();
  render(
    <Providers>
      <WorkForm
        checklist={["Check the logs", "Restart"]}
        askAsset={false}
        submit={submit}
        onDone={onDone}
        onCancel={() => {}}
        submitLabel="Record"
      />
    </Providers>,
  );
  return onDone;
}

const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === "INPUT" || el.tagName === "TEXTAREA" ? el : el.querySelector("input")) as
    | HTMLInputElement
    | HTMLTextAreaElement;
};

describe("WorkForm", () => {
  it("sends ticks, minutes and the cost in cents", async () => {
    const submit = vi.fn(async (_: MaintenanceLogInput) => ({ id: 1 }) as MaintenanceLogEntry);
    const onDone = renderForm(submit);
    fireEvent.change(input("work-text"), { target: { value: "Patched and restarted" } });
    fireEvent.click(screen.getByLabelText("Restart"));
    fireEvent.change(input("work-minutes"), { target: { value: "45" } });
    fireEvent.change(input("work-cost"), { target: { value: "19.99" } });
    fireEvent.click(screen.getByTestId("work-save"));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = submit.mock.calls[0]?.[0];
    expect(sent).toMatchObject({
      work: "Patched and restarted",
      ticks: [false, true],
      outcome: "done",
      reason: null,
      minutes: 45,
      cost_cents: 1999,
      asset_id: null,
    });
    expect(sent?.done_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows Rust's field error beside the reason of a failed task", async () => {
    const submit = vi.fn(async (): Promise<MaintenanceLogEntry> => {
      throw new ApiError({
        code: "validation",
        message: "invalid",
        fields: [{ field: "reason", code: "required", params: {} }],
        params: {},
      });
    });
    renderForm(submit);
    fireEvent.change(input("work-text"), { target: { value: "Tried" } });
    fireEvent.click(screen.getByLabelText("Failed"));
    fireEvent.click(screen.getByTestId("work-save"));
    expect(await screen.findByText("Say why it failed")).toBeTruthy();
  });
});
