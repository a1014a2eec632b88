import {
  Badge,
  Combobox,
  Group,
  Highlight,
  Kbd,
  Loader,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconListSearch, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { searchApi, searchKeys } from "../api/search";
import type { SearchHit } from "../bindings/SearchHit";
import { errorMessage } from "../lib/errors";
import { useNav } from "./nav";
import { searchContributions, useSecondLines } from "./searchRegistry";
import "./GlobalSearch.css";

/** Hits per kind: enough to pick from at a glance; more lead to the full lists. */
const LIMIT = 6;
const DEBOUNCE_MS = 150;
/** The option value of a group's "more" link (a hit's value is "kind:id"). */
const MORE = "more:";

/** The words Rust searches: only those of three characters or more (the trigram index's rule). */
export function searchWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => [...w].length >= 3);
}

/** Whether a key press is aimed at something the person is typing into. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function optionValue(h: SearchHit) {
  return `${h.kind}:${h.id}`;
}

/**
 * The header's search box: every kind of hit the areas register (searchRegistry.ts), from one
 * field. Ctrl+K (or "/" outside an input) focuses it; arrows choose, Enter opens, Escape closes.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const [text, setText] = useState("");
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const input = useRef<HTMLInputElement>(null);
  const store = useCombobox({ onDropdownClose: () => store.resetSelectedOption() });
  const words = searchWords(debounced);
  const result = useQuery({
    queryKey: searchKeys.global(debounced),
    queryFn: () => searchApi.global({ text: debounced, limit: LIMIT }),
    enabled: words.length > 0,
    // Keep the last hits on screen while the next keystroke's search runs: no flicker.
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const kinds = searchContributions();
  const secondLines = useSecondLines();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k";
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
      if (!ctrlK && !slash) return;
      // Not from behind a dialog or the lock screen: the search box is not what they see.
      if (document.querySelector("[role=dialog][aria-modal=true]")) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const data = result.data;
  const shownFor = words.length > 0 && data && !result.isPlaceholderData ? debounced : null;
  // Enter opens the first hit unless the person moved: select it whenever new hits arrive, and
  // whenever the text searched changes. The same search typed again (to open the same document a
  // second time) brings back the very same cached hits, and choosing one emptied the box and the
  // selection, so waiting for new hits alone left Enter opening nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the hits or the text change
  useEffect(() => {
    if (data?.hits.length) store.selectFirstOption();
    else store.resetSelectedOption();
  }, [data, debounced]);

  const close = () => {
    setText("");
    store.closeDropdown();
    input.current?.blur();
  };

  const open = (value: string) => {
    const nav = { go, memory };
    const more = value.startsWith(MORE) ? kinds.find((k) => value === MORE + k.kind) : undefined;
    if (more?.more?.open) {
      more.more.open(debounced, nav);
      close();
      return;
    }
    const hit = data?.hits.find((h) => optionValue(h) === value);
    if (!hit) return;
    kinds.find((k) => k.kind === hit.kind)?.open(hit, nav);
    close();
  };

  const badge = (h: SearchHit) => {
    const label = kinds.find((k) => k.kind === h.kind)?.inactiveLabel;
    if (!h.inactive || !label) return null;
    return (
      <Badge
        size="xs"
        color="gray"
        variant="light"
        style={{ flexShrink: 0 }}
        data-testid="hit-inactive"
      >
        {t(label)}
      </Badge>
    );
  };

  const row = (h: SearchHit) => {
    const Icon = kinds.find((k) => k.kind === h.kind)?.icon ?? IconSearch;
    const detail = (secondLines.get(h.kind) ?? ((x: SearchHit) => x.detail))(h);
    return (
      <Combobox.Option
        key={optionValue(h)}
        value={optionValue(h)}
        className="global-search-option"
        data-testid="search-hit"
        data-kind={h.kind}
        data-id={h.id}
        data-inactive={h.inactive || undefined}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Icon
            size={18}
            stroke={1.6}
            style={{ flexShrink: 0, marginTop: 2 }}
            color={`var(--mantine-color-${h.inactive ? "gray-5" : "indigo-6"})`}
          />
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="nowrap">
              <Highlight
                size="sm"
                fw={500}
                truncate
                highlight={words}
                c={h.inactive ? "dimmed" : undefined}
                data-testid="hit-title"
              >
                {h.title}
              </Highlight>
              {badge(h)}
            </Group>
            {detail ? (
              <Highlight size="xs" c="dimmed" truncate highlight={words} data-testid="hit-detail">
                {detail}
              </Highlight>
            ) : null}
          </Stack>
        </Group>
      </Combobox.Option>
    );
  };

  const note = (children: ReactNode, testid: string) => (
    <Text size="xs" c="dimmed" px="sm" py={6} data-testid={testid}>
      {children}
    </Text>
  );

  let body: ReactNode;
  if (words.length === 0) {
    body = <Combobox.Empty data-testid="search-hint">{t("search.hint")}</Combobox.Empty>;
  } else if (result.isError) {
    body = (
      <Combobox.Empty c="red" data-testid="search-error">
        {errorMessage(result.error, t)}
      </Combobox.Empty>
    );
  } else if (!data) {
    body = <Combobox.Empty>{t("search.searching")}</Combobox.Empty>;
  } else if (data.too_short) {
    body = <Combobox.Empty data-testid="search-hint">{t("search.hint")}</Combobox.Empty>;
  } else if (data.hits.length === 0) {
    body = (
      <Combobox.Empty data-testid="search-empty">
        <Text size="sm" fw={500} c="var(--mantine-color-text)">
          {t("search.empty", { text: shownFor ?? debounced })}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t("search.emptyHelp")}
        </Text>
      </Combobox.Empty>
    );
  } else {
    body = kinds.map(({ kind, label, more }) => {
      const hits = data.hits.filter((h) => h.kind === kind);
      if (hits.length === 0) return null;
      const hasMore = more !== undefined && data.more.includes(kind);
      return (
        <Combobox.Group key={kind} label={t(label)} data-testid={`search-group-${kind}`}>
          {hits.map(row)}
          {hasMore && more.open ? (
            <Combobox.Option
              value={MORE + kind}
              className="global-search-option"
              data-testid={`search-all-${kind}s`}
            >
              <Group gap="sm" wrap="nowrap">
                <IconListSearch size={18} stroke={1.6} color="var(--mantine-color-indigo-6)" />
                <Text size="sm" c="indigo.7">
                  {t(more.label)}
                </Text>
              </Group>
            </Combobox.Option>
          ) : null}
          {hasMore && !more.open ? note(t(more.label), "search-more") : null}
        </Combobox.Group>
      );
    });
  }

  return (
    <Combobox
      store={store}
      onOptionSubmit={open}
      position="bottom-start"
      width={480}
      offset={6}
      shadow="md"
    >
      <Combobox.Target>
        <TextInput
          ref={input}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            store.openDropdown();
          }}
          onFocus={() => store.openDropdown()}
          onBlur={() => store.closeDropdown()}
          onKeyDown={(e) => {
            // A second Escape (the list already closed) gives the keyboard back to the page.
            if (e.key === "Escape" && !store.dropdownOpened) close();
          }}
          placeholder={t("search.placeholder")}
          aria-label={t("search.label")}
          title={t("search.shortcutHelp")}
          leftSection={<IconSearch size={16} stroke={1.7} />}
          rightSection={
            result.isFetching ? (
              <Loader size={14} />
            ) : (
              <Kbd size="xs" style={{ whiteSpace: "nowrap" }}>
                {t("search.shortcut")}
              </Kbd>
            )
          }
          rightSectionWidth={56}
          rightSectionPointerEvents="none"
          // Narrower at the window's minimum width (1024 px), so the header keeps one line.
          w={{ base: 260, lg: 380 }}
          data-testid="global-search"
          // Set while a keystroke waits for its debounce or its search: tests wait on it.
          data-busy={text.trim() !== debounced || result.isFetching || undefined}
        />
      </Combobox.Target>
      <Combobox.Dropdown data-testid="global-search-dropdown">
        <Combobox.Options mah={460} style={{ overflowY: "auto" }}>
          {body}
        </Combobox.Options>
        {data?.hits.length && words.length > 0 ? (
          <Combobox.Footer>
            <Text size="xs" c="dimmed">
              {t("search.keys")}
            </Text>
          </Combobox.Footer>
        ) : null}
      </Combobox.Dropdown>
    </Combobox>
  );
}
