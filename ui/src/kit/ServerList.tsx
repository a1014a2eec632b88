import { Box, Group, Text } from "@mantine/core";
import { useViewportSize } from "@mantine/hooks";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { useNav } from "../app/nav";
import type { SortDir } from "../bindings/SortDir";
import { formatNumber } from "../i18n/format";
import { keyTarget } from "./listKeys";
import { HeaderCell, ListError, PlaceholderCells } from "./listParts";
import {
  type ListSource,
  pageRequest,
  pagesInView,
  useFirstPage,
  usePagesInView,
} from "./serverPages";
import "./kit.css";
import "./i18n";

/** One column of a list, declared once: its header, its width, how it sorts, what a cell shows. */
export type ListColumn<Row, S extends string = string> = {
  key: string;
  title: string;
  /** Its track in the CSS grid shared by the header and every row ("120px", "minmax(…)"). */
  width: string;
  /** The server's sort key, for a column the list can be sorted by. */
  sort?: S;
  cell: (row: Row) => ReactNode;
  /** A cell with buttons of its own: a click or a key there does not open the row. */
  interactive?: boolean;
};

export type ServerListProps<Row, S extends string> = {
  /** Test ids: `<testId>-table`, `-scroll`, `-empty`. */
  testId: string;
  /** Test id of every row. */
  rowTestId: string;
  /** The table's accessible name. */
  label: string;
  columns: ListColumn<Row, S>[];
  source: ListSource<Row>;
  sort: S;
  dir: SortDir;
  onSort: (column: S, dir: SortDir) => void;
  /** `data-*` attributes of a row (what tests and styles find it by). */
  rowData?: (row: Row) => Record<`data-${string}`, string | number>;
  /** Opens the row's record (a click, Enter or Space on the row). */
  onOpen?: (row: Row) => void;
  /** Shown instead of the table when the filters leave no row. */
  empty: ReactNode;
  /** The line under the list ("240 employees"); "Total: 240" unless the area words it. */
  total?: (n: number) => string;
  rowHeight?: number;
  /** Navigation memory key: the scroll position per filter survives a visit to a record. */
  scrollMemory?: string;
};

/** Rows drawn beyond the visible ones, so a quick scroll does not show blanks. */
const OVERSCAN = 12;
/** Placeholder rows while the first page loads. */
const LOADING_ROWS = 6;
/** What sits below the list inside the window: the total line and the page's padding. */
const BELOW = 88;

const stop = (e: SyntheticEvent) => e.stopPropagation();

/**
 * Focuses row `index` once it is drawn: a far jump (End in 100,000 rows) draws it a few frames
 * after the scroll, and its page may still be loading (then the focus waits for it).
 */
function focusRow(box: HTMLElement | null, index: number, frames = 30) {
  requestAnimationFrame(() => {
    const row = box?.querySelector<HTMLElement>(`[role=row][data-index="${index}"]`);
    if (row) row.focus({ preventScroll: true });
    else if (frames > 0) focusRow(box, index, frames - 1);
  });
}

/**
 * The shared list: server pages fetched as their rows scroll into view, sorted by the server,
 * rows virtualised (a few dozen in the page whatever the total), keyboard navigation, and the
 * loading, empty and error states. Filters belong to the page: they change `source`.
 */
export function ServerList<Row, S extends string>(props: ServerListProps<Row, S>) {
  const { columns, source, rowHeight = 56, testId } = props;
  const { t, i18n } = useTranslation();
  const { memory } = useNav();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const first = useFirstPage(source);
  const total = first.data?.total ?? 0;
  const count = first.isPending ? LOADING_ROWS : total;
  // The filters' identity: the first page's key. A new filter starts at the top.
  const filterKey = JSON.stringify(source.key(pageRequest(0, source.pageSize)));
  const memoryKey = props.scrollMemory ? `${props.scrollMemory}.${filterKey}` : null;
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    initialOffset: () => (memoryKey ? ((memory.get(memoryKey) as number | undefined) ?? 0) : 0),
  });
  const items = virtual.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const pages =
    firstItem && lastItem && !first.isPending
      ? pagesInView(firstItem.index, lastItem.index, source.pageSize)
      : [];
  const rowAt = usePagesInView(source, first.data, pages);

  const seenKey = useRef(filterKey);
  useEffect(() => {
    if (seenKey.current === filterKey) return;
    seenKey.current = filterKey;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filterKey]);

  // The list fills the window below what is above it, no more than its rows need; it scrolls on
  // its own.
  const { height: viewport } = useViewportSize();
  const [top, setTop] = useState(300);
  const available = Math.max(280, (viewport || window.innerHeight) - top - BELOW);
  const height = Math.min(available, count * rowHeight);
  const attach = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    if (el) setTop(el.getBoundingClientRect().top + window.scrollY);
  }, []);

  const onKey = (e: KeyboardEvent<HTMLDivElement>, index: number, row: Row) => {
    const to = keyTarget(e.key, index, total);
    if (to === null) return;
    e.preventDefault();
    if (to === "open") {
      props.onOpen?.(row);
      return;
    }
    virtual.scrollToIndex(to);
    focusRow(scrollRef.current, to);
  };

  if (first.isError) return <ListError error={first.error} retry={() => first.refetch()} />;
  if (!first.isPending && total === 0) {
    return <Box data-testid={`${testId}-empty`}>{props.empty}</Box>;
  }
  const grid = columns.map((c) => c.width).join(" ");
  const rowStyle = (start: number): CSSProperties => ({
    position: "absolute",
    top: 0,
    left: 0,
    right: 0,
    height: rowHeight,
    transform: `translateY(${start}px)`,
    display: "grid",
    gridTemplateColumns: grid,
    gap: 10,
    alignItems: "center",
  });
  return (
    // Rows are absolutely positioned for virtualisation, so the table is ARIA on boxes.
    <Box
      role="table"
      aria-label={props.label}
      aria-rowcount={total + 1}
      aria-busy={first.isPending || first.isPlaceholderData}
      data-testid={`${testId}-table`}
    >
      <Box
        role="row"
        aria-rowindex={1}
        px="sm"
        py={10}
        style={{
          display: "grid",
          gridTemplateColumns: grid,
          gap: 10,
          alignItems: "center",
          borderBottom: "1px solid var(--mantine-color-gray-3)",
        }}
      >
        {columns.map((c) => (
          <HeaderCell
            key={c.key}
            label={c.title}
            column={c.sort}
            sort={props.sort}
            dir={props.dir}
            onSort={props.onSort}
          />
        ))}
      </Box>
      <div
        ref={attach}
        style={{ height, overflowY: "auto", overflowX: "hidden", position: "relative" }}
        onScroll={(e) => memoryKey && memory.set(memoryKey, e.currentTarget.scrollTop)}
        data-testid={`${testId}-scroll`}
      >
        <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {items.map((v) => {
            const r = first.isPending ? undefined : rowAt(v.index);
            if (r === undefined) {
              return (
                <Box
                  key={v.key}
                  style={rowStyle(v.start)}
                  px="sm"
                  className="kit-row"
                  aria-busy
                  aria-label={t("kit.loading")}
                >
                  <PlaceholderCells count={columns.length} />
                </Box>
              );
            }
            return (
              <Box
                key={v.key}
                role="row"
                tabIndex={0}
                aria-rowindex={v.index + 2}
                data-index={v.index}
                data-testid={props.rowTestId}
                data-opens={props.onOpen ? "" : undefined}
                {...props.rowData?.(r)}
                className="kit-row"
                style={rowStyle(v.start)}
                px="sm"
                onClick={() => props.onOpen?.(r)}
                onKeyDown={(e) => onKey(e, v.index, r)}
              >
                {columns.map((c) => (
                  <Box
                    key={c.key}
                    role="cell"
                    miw={0}
                    onClick={c.interactive ? stop : undefined}
                    onKeyDown={c.interactive ? stop : undefined}
                  >
                    {c.cell(r)}
                  </Box>
                ))}
              </Box>
            );
          })}
        </div>
      </div>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" data-testid="list-total">
          {first.isPending
            ? ""
            : (props.total?.(total) ??
              t("common.total", { n: formatNumber(total, i18n.language) }))}
        </Text>
        {props.onOpen ? (
          <Text size="xs" c="dimmed">
            {t("kit.keyboardHint")}
          </Text>
        ) : null}
      </Group>
    </Box>
  );
}
