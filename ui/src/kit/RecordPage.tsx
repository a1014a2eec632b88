import { Anchor, Box, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowLeft, type IconUserCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { type Route, useNav } from "../app/nav";

/** One tab of a record page. */
export type RecordTab = {
  /** Its name in the route (and the window's history): "details", "documents", … */
  key: string;
  label: string;
  icon: typeof IconUserCircle;
  /** A count or mark beside the label. */
  badge?: ReactNode;
  render: () => ReactNode;
  /** Stays in the page, hidden, while another tab shows: a form keeps unsaved typing. */
  keepMounted?: boolean;
};

export type RecordPageProps = {
  title: string;
  /** Beside the title: the record's status badge. */
  status?: ReactNode;
  /** The line under the title, joined with " · " (empty ones left out). */
  facts?: (string | null | undefined | false)[];
  /** Left of the title: a score ring, a picture. */
  leading?: ReactNode;
  /** Right of the title: the record's buttons (export, end, reactivate…). */
  actions?: ReactNode;
  /** Under the header, above the tabs: a note on the record's state. */
  notice?: ReactNode;
  /** The record's own fields: the first tab. */
  details: RecordTab;
  /** Files attached to the record: the second tab. */
  attachments?: RecordTab;
  /** The area's own tabs, between the attachments and the history. */
  tabs?: RecordTab[];
  /** The record's history: the last tab. */
  history?: RecordTab;
  /** Dialogs the header's buttons open. */
  children?: ReactNode;
};

/**
 * The tab of the record shown, from the route, and a way to show another. Each tab change is a
 * navigation, so it lands in the window's history (back returns to the previous tab) and a
 * dirty form's leave guard sees it.
 */
export function useRecordTab(): [string | undefined, (tab: string) => void] {
  const { route, go } = useNav();
  const tab = "tab" in route ? route.tab : undefined;
  // The tab's name is the area's; the route's type lists each area's tabs.
  const show = (next: string) => go({ ...route, tab: next, focus: null } as Route);
  return [tab, show];
}

/** The link back to the list a record was opened from. */
export function BackLink({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Anchor
      component="button"
      type="button"
      onClick={onClick}
      size="sm"
      mb="xs"
      data-testid={testId}
    >
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {label}
      </Group>
    </Anchor>
  );
}

function RecordHeader({ title, status, facts, leading, actions }: RecordPageProps) {
  const line = (facts ?? []).filter(Boolean).join(" · ");
  return (
    <Group justify="space-between" align="center" mb="md" wrap="nowrap">
      <Group gap="md" wrap="nowrap">
        {leading}
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2} data-testid="page-title">
              {title}
            </Title>
            {status}
          </Group>
          {line ? (
            <Text c="dimmed" size="sm">
              {line}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {actions ? (
        <Group gap="sm" wrap="nowrap">
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}

/**
 * The shared record page: a header with the record's name, status and actions, then tabs in a
 * fixed order (details, attachments, the area's own, history) whose choice is in the route.
 */
export function RecordPage(props: RecordPageProps) {
  const [asked, setTab] = useRecordTab();
  const tabs = [props.details, props.attachments, ...(props.tabs ?? []), props.history].filter(
    (t): t is RecordTab => t !== undefined,
  );
  const tab = tabs.some((t) => t.key === asked) ? asked : props.details.key;
  return (
    <>
      <RecordHeader {...props} />
      {props.notice}
      {/* The tabs stay in reach under the app header while a long form scrolls. */}
      <Box
        pos="sticky"
        top="var(--app-shell-header-height, 56px)"
        mb="md"
        pt={4}
        style={{ zIndex: 20, background: "var(--mantine-color-gray-0)" }}
      >
        <Tabs value={tab} onChange={(v) => setTab(v ?? props.details.key)} keepMounted={false}>
          <Tabs.List>
            {tabs.map(({ key, label, icon: Icon, badge }) => (
              <Tabs.Tab
                key={key}
                value={key}
                leftSection={<Icon size={16} />}
                rightSection={badge}
                data-testid={`tab-${key}`}
              >
                {label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </Box>
      {tabs.map((t) =>
        t.keepMounted ? (
          <div key={t.key} hidden={t.key !== tab} data-testid={`panel-${t.key}`}>
            {t.render()}
          </div>
        ) : t.key === tab ? (
          <div key={t.key} data-testid={`panel-${t.key}`}>
            {t.render()}
          </div>
        ) : null,
      )}
      {props.children}
    </>
  );
}
