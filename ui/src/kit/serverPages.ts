import {
  keepPreviousData,
  type QueryKey,
  type UseQueryResult,
  useQueries,
  useQuery,
} from "@tanstack/react-query";
import type { Page } from "../bindings/Page";
import type { PageRequest } from "../bindings/PageRequest";

/**
 * Where a list's rows come from: one SQL page per request, each under its own query key (from
 * the area's key factory), so a page already read is not asked for again while it is fresh.
 */
export type ListSource<Row> = {
  /** The query key of the page at `page` (the area's filters with this offset and limit). */
  key: (page: PageRequest) => QueryKey;
  fetch: (page: PageRequest) => Promise<Page<Row>>;
  /** Rows per request. */
  pageSize: number;
};

export function pageRequest(index: number, size: number): PageRequest {
  return { offset: index * size, limit: size };
}

/**
 * The pages after the first that hold rows `first` to `last` (the first page is always read: it
 * gives the total).
 */
export function pagesInView(first: number, last: number, size: number): number[] {
  const pages: number[] = [];
  for (let p = Math.max(1, Math.floor(first / size)); p <= Math.floor(last / size); p++) {
    pages.push(p);
  }
  return pages;
}

/**
 * The first page: the total, and the rows at the top. While a new filter loads, the previous
 * filter's rows stay on screen instead of a blank list.
 */
export function useFirstPage<Row>(source: ListSource<Row>): UseQueryResult<Page<Row>> {
  const first = pageRequest(0, source.pageSize);
  return useQuery({
    queryKey: source.key(first),
    queryFn: () => source.fetch(first),
    placeholderData: keepPreviousData,
  });
}

/**
 * The rows of the pages in view: the first page's, and those of the `pages` asked for (only the
 * pages under the visible rows, so 100,000 rows cost a few requests of `pageSize`).
 */
export function usePagesInView<Row>(
  source: ListSource<Row>,
  first: Page<Row> | undefined,
  pages: number[],
): (index: number) => Row | undefined {
  const more = useQueries({
    queries: pages.map((p) => {
      const request = pageRequest(p, source.pageSize);
      return { queryKey: source.key(request), queryFn: () => source.fetch(request) };
    }),
  });
  const loaded = new Map<number, Row[]>();
  if (first) loaded.set(0, first.items);
  for (const [i, q] of more.entries()) {
    const p = pages[i];
    if (q.data && p !== undefined) loaded.set(p, q.data.items);
  }
  return (index) => loaded.get(Math.floor(index / source.pageSize))?.[index % source.pageSize];
}
