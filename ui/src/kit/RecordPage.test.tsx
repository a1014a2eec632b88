// @vitest-environment jsdom

import { IconFiles, IconHistory, IconUserCircle } from "@tabler/icons-react";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useEffect, useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Route, useLeaveGuard, useNav } from "../app/nav";
import { RecordPage } from "./RecordPage";
import { initTestI18n, Providers, stubLayout } from "./testing";

/** A record page of employee 4, opened on `tab`; the details tab holds an input. */
function Record({ tab, dirty = false, from }: { tab: string; dirty?: boolean; from?: "staff" }) {
  const { route, go } = useNav();
  // biome-ignore lint/correctness/useExhaustiveDependencies: opens the record once
  useEffect(() => {
    if (from) go(from);
    go({ page: "employee", id: 4, tab } as Route);
  }, []);
  if (route.page !== "employee") return <p data-testid="elsewhere">{route.page}</p>;
  return <Page dirty={dirty} />;
}

function Page({ dirty }: { dirty: boolean }) {
  const [typed, setTyped] = useState("");
  useLeaveGuard(dirty, (to) => to.page === "employee");
  const { go } = useNav();
  return (
    <RecordPage
      title="Rossi Mario"
      facts={["Clerk", null, "Hired 01/02/2020"]}
      actions={
        <button type="button" onClick={() => go("staff")}>
          Leave
        </button>
      }
      details={{
        key: "details",
        label: "Details",
        icon: IconUserCircle,
        keepMounted: true,
        render: () => (
          <input aria-label="phone" value={typed} onChange={(e) => setTyped(e.target.value)} />
        ),
      }}
      attachments={{
        key: "documents",
        label: "Documents",
        icon: IconFiles,
        render: () => <p>Docs</p>,
      }}
      tabs={[{ key: "training", label: "Training", icon: IconFiles, render: () => <p>Courses</p> }]}
      history={{
        key: "history",
        label: "History",
        icon: IconHistory,
        render: () => <p>Changes</p>,
      }}
    />
  );
}

const shown = (key: string) => {
  const panel = screen.queryByTestId(`panel-${key}`);
  return panel !== null && !panel.hidden;
};

async function back() {
  await act(async () => {
    window.history.back();
    await new Promise((r) => setTimeout(r, 50));
  });
}

beforeAll(async () => {
  stubLayout();
  await initTestI18n();
});
afterEach(cleanup);

describe("the shared record page", () => {
  it("shows the header and the tabs in order: details, attachments, the area's, history", async () => {
    render(
      <Providers nav>
        <Record tab="details" />
      </Providers>,
    );
    expect((await screen.findByTestId("page-title")).textContent).toBe("Rossi Mario");
    expect(screen.getByText("Clerk · Hired 01/02/2020")).toBeTruthy();
    const tabs = screen.getAllByRole("tab").map((t) => t.dataset.testid);
    expect(tabs).toEqual(["tab-details", "tab-documents", "tab-training", "tab-history"]);
  });

  it("keeps the tab in the URL, so back and forward move between tabs", async () => {
    render(
      <Providers nav>
        <Record tab="details" />
      </Providers>,
    );
    await screen.findByTestId("panel-details");
    await waitFor(() => expect(window.location.hash).toBe("#/employee/4/details"));
    fireEvent.change(screen.getByLabelText("phone"), { target: { value: "02 123" } });

    fireEvent.click(screen.getByTestId("tab-training"));
    await waitFor(() => expect(shown("training")).toBe(true));
    expect(window.location.hash).toBe("#/employee/4/training");
    // The details stay mounted, hidden: what was typed is still there.
    expect(shown("details")).toBe(false);
    expect((screen.getByLabelText("phone") as HTMLInputElement).value).toBe("02 123");

    fireEvent.click(screen.getByTestId("tab-history"));
    await waitFor(() => expect(shown("history")).toBe(true));

    await back();
    await waitFor(() => expect(shown("training")).toBe(true));
    expect(window.location.hash).toBe("#/employee/4/training");
    await back();
    await waitFor(() => expect(shown("details")).toBe(true));
    expect(window.location.hash).toBe("#/employee/4/details");
    expect((screen.getByLabelText("phone") as HTMLInputElement).value).toBe("02 123");

    await act(async () => {
      window.history.forward();
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() => expect(shown("training")).toBe(true));
  });

  it("opens an unknown tab on the details", async () => {
    render(
      <Providers nav>
        <Record tab="nonsense" />
      </Providers>,
    );
    await waitFor(() => expect(shown("details")).toBe(true));
    expect(screen.getByTestId("tab-details").getAttribute("aria-selected")).toBe("true");
  });

  it("asks before back leaves unsaved work, and stays when told to", async () => {
    render(
      <Providers nav>
        <Record tab="details" dirty />
      </Providers>,
    );
    await screen.findByTestId("panel-details");
    // Another tab of the same record keeps the work: no question.
    fireEvent.click(screen.getByTestId("tab-documents"));
    await waitFor(() => expect(shown("documents")).toBe(true));
    expect(screen.queryByText("Leave?")).toBeNull();
    // Leaving the record asks; "stay" keeps the page and the URL.
    fireEvent.click(screen.getByText("Leave"));
    await screen.findByText("Leave?");
    fireEvent.click(screen.getByText("Stay"));
    expect(shown("documents")).toBe(true);
    expect(window.location.hash).toBe("#/employee/4/documents");
  });

  it("asks before the back key leaves unsaved work, and keeps the page when told to stay", async () => {
    render(
      <Providers nav>
        <Record tab="details" dirty from="staff" />
      </Providers>,
    );
    await screen.findByTestId("panel-details");
    await back();
    await screen.findByText("Leave?");
    expect(shown("details")).toBe(true);
    expect(window.location.hash).toBe("#/employee/4/details");
    fireEvent.click(screen.getByText("Stay"));
    expect(shown("details")).toBe(true);
  });
});
