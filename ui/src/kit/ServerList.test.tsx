// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useMemo, useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/invoke";
import type { Page } from "../bindings/Page";
import type { PageRequest } from "../bindings/PageRequest";
import type { SortDir } from "../bindings/SortDir";
import { type ListColumn, ServerList } from "./ServerList";
import type { ListSource } from "./serverPages";
import { initTestI18n, Providers, stubLayout } from "./testing";

type Row = { id: number; name: string };
type Sort = "name" | "id";

const ROW = 56;

/** A server of `total` rows named "Row N", sorted by id either way, one page per call. */
function server(total: number) {
  const calls: { sort: Sort; dir: SortDir; page: PageRequest }[] = [];
  const fetch = vi.fn(async (sort: Sort, dir: SortDir, page: PageRequest): Promise<Page<Row>> => {
    calls.push({ sort, dir, page });
    const items: Row[] = [];
    for (let i = page.offset; i < Math.min(total, page.offset + page.limit); i++) {
      const id = dir === "asc" ? i : total - 1 - i;
      items.push({ id, name: `Row ${id}` });
    }
    return { items, total };
  });
  return { fetch, calls };
}

const columns: ListColumn<Row, Sort>[] = [
  { key: "name", title: "Name", width: "1fr", sort: "name", cell: (r) => r.name },
  { key: "id", title: "Number", width: "100px", sort: "id", cell: (r) => String(r.id) },
];

function List({
  fetch,
  onOpen,
}: {
  fetch: (sort: Sort, dir: SortDir, page: PageRequest) => Promise<Page<Row>>;
  onOpen?: (r: Row) => void;
}) {
  const [sort, setSort] = useState<Sort>("name");
  const [dir, setDir] = useState<SortDir>("asc");
  const source = useMemo<ListSource<Row>>(
    () => ({
      key: (page) => ["test", sort, dir, page],
      fetch: (page) => fetch(sort, dir, page),
      pageSize: 100,
    }),
    [sort, dir, fetch],
  );
  return (
    <ServerList
      testId="things"
      rowTestId="thing-row"
      label="Things"
      columns={columns}
      source={source}
      sort={sort}
      dir={dir}
      onSort={(s, d) => {
        setSort(s);
        setDir(d);
      }}
      rowData={(r) => ({ "data-id": r.id })}
      onOpen={onOpen}
      empty={<p>Nothing here</p>}
      total={(n) => `${n} things`}
    />
  );
}

const rows = () => screen.queryAllByTestId("thing-row");

beforeAll(async () => {
  stubLayout(560);
  await initTestI18n();
});
afterEach(cleanup);

describe("the shared list", () => {
  it("reads only the pages in view of 100,000 rows and keeps the page small", async () => {
    const { fetch, calls } = server(100_000);
    render(
      <Providers>
        <List fetch={fetch} />
      </Providers>,
    );
    await screen.findByText("Row 0");
    expect(screen.getByTestId("list-total").textContent).toBe("100000 things");
    // 560 px of 56 px rows, plus the overscan: a few dozen rows, one request.
    expect(rows().length).toBeLessThan(40);
    expect(calls.map((c) => c.page)).toEqual([{ offset: 0, limit: 100 }]);

    const scroller = screen.getByTestId("things-scroll");
    await act(async () => {
      scroller.scrollTop = 50_000 * ROW;
      fireEvent.scroll(scroller);
    });
    await screen.findByText("Row 50000");
    const asked = calls.map((c) => c.page.offset);
    expect(asked).toContain(50_000);
    // Pages between the top and the scrolled-to rows are never read.
    expect(asked.filter((o) => o > 0 && o < 49_800)).toEqual([]);
    expect(rows().length).toBeLessThan(40);
    const shown = rows().map((r) => Number(r.dataset.index));
    expect(Math.min(...shown)).toBeGreaterThan(49_900);
  });

  it("sorts on the server when a header is clicked, and again the other way", async () => {
    const { fetch, calls } = server(250);
    render(
      <Providers>
        <List fetch={fetch} />
      </Providers>,
    );
    await screen.findByText("Row 0");
    expect(
      screen.getByTestId("sort-name").closest("[role=columnheader]")?.getAttribute("aria-sort"),
    ).toBe("ascending");
    fireEvent.click(screen.getByTestId("sort-name"));
    await screen.findByText("Row 249");
    expect(calls.at(-1)).toMatchObject({ sort: "name", dir: "desc", page: { offset: 0 } });
    expect(rows()[0]?.dataset.id).toBe("249");
    fireEvent.click(screen.getByTestId("sort-id"));
    await waitFor(() => expect(rows()[0]?.dataset.id).toBe("0"));
    expect(calls.at(-1)).toMatchObject({ sort: "id", dir: "asc" });
  });

  it("says so when nothing matches", async () => {
    const { fetch } = server(0);
    render(
      <Providers>
        <List fetch={fetch} />
      </Providers>,
    );
    const empty = await screen.findByTestId("things-empty");
    expect(empty.textContent).toBe("Nothing here");
    expect(screen.queryByTestId("things-table")).toBeNull();
  });

  it("shows a load error in words, and retries", async () => {
    let fail = true;
    const ok = server(3).fetch;
    const fetch = vi.fn(async (s: Sort, d: SortDir, p: PageRequest) => {
      if (fail)
        throw new ApiError({ code: "internal", message: "disk on fire", fields: [], params: {} });
      return ok(s, d, p);
    });
    render(
      <Providers>
        <List fetch={fetch} />
      </Providers>,
    );
    const error = await screen.findByTestId("load-error");
    expect(error.textContent).toContain("Something went wrong");
    expect(rows()).toEqual([]);
    fail = false;
    fireEvent.click(screen.getByText("Retry"));
    await screen.findByText("Row 2");
    expect(screen.queryByTestId("load-error")).toBeNull();
  });

  it("moves with the arrow keys and opens a row with Enter", async () => {
    const { fetch } = server(30);
    const onOpen = vi.fn();
    render(
      <Providers>
        <List fetch={fetch} onOpen={onOpen} />
      </Providers>,
    );
    await screen.findByText("Row 0");
    const first = rows()[0] as HTMLElement;
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.index).toBe("1"));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowDown" });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.index).toBe("2"));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowUp" });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.index).toBe("1"));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith({ id: 1, name: "Row 1" });
    fireEvent.click(screen.getByText("Row 3"));
    expect(onOpen).toHaveBeenLastCalledWith({ id: 3, name: "Row 3" });
  });
});
