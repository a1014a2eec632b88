import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconTags } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import type { SupplierPrice } from "../../../bindings/SupplierPrice";
import { formatQuantity, formatUnitPrice } from "./parts";
import "../prices/i18n";

type Props = {
  supplierId: number | null;
  /** What the line says so far: the search starts from it. */
  text: string;
  /** The line's quantity in thousandths: the break that applies depends on it. */
  quantity: number;
  /** The order's date (ISO); today for a new order. */
  day: string | null;
  onPick: (price: SupplierPrice, applies: boolean) => void;
};

/**
 * Fills an order line from the supplier's price list: the items matching what is typed, each
 * with the price for the line's quantity on the order's date (or, below every break, the
 * smallest break, marked).
 */
export function PricePicker({ supplierId, text, quantity, day, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState(text);
  const [debounced] = useDebouncedValue(search, 200);
  const suggestions = useQuery({
    queryKey: purchasingKeys.priceSuggestions(supplierId ?? 0, debounced, quantity, day),
    queryFn: () => purchasingApi.priceSuggestions(supplierId ?? 0, debounced, quantity, day),
    enabled: opened && supplierId !== null,
  });
  const l = (k: string, o?: Record<string, string>) => t(`purchasingPrices.picker.${k}`, o);
  const rows = suggestions.data ?? [];
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={460}
      position="bottom-start"
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Tooltip label={l("open")} withinPortal>
          <ActionIcon
            variant="subtle"
            aria-label={l("open")}
            onClick={() => {
              setSearch(text);
              setOpened((o) => !o);
            }}
            data-testid="order-line-price-list"
          >
            <IconTags size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="price-picker">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {l("title")}
          </Text>
          {supplierId === null ? (
            <Text size="sm" c="dimmed">
              {l("chooseSupplier")}
            </Text>
          ) : (
            <>
              <TextInput
                placeholder={l("search")}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                rightSection={suggestions.isFetching ? <Loader size={14} /> : null}
                data-autofocus
                data-testid="price-picker-search"
              />
              {rows.length === 0 && !suggestions.isFetching ? (
                <Text size="sm" c="dimmed">
                  {l("none")}
                </Text>
              ) : (
                <ScrollArea.Autosize mah={280}>
                  <Stack gap={4}>
                    {rows.map(({ price: p, applies }) => (
                      <Group
                        key={p.id}
                        justify="space-between"
                        wrap="nowrap"
                        gap="sm"
                        p={6}
                        style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
                        data-testid="price-suggestion"
                      >
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500} lineClamp={1}>
                            {p.description}
                          </Text>
                          <Group gap={6}>
                            {p.item_code && (
                              <Text size="xs" c="dimmed" ff="monospace">
                                {p.item_code}
                              </Text>
                            )}
                            {applies ? (
                              p.min_quantity > 0 && (
                                <Text size="xs" c="dimmed">
                                  {l("fromQuantity", {
                                    qty: formatQuantity(p.min_quantity, i18n.language),
                                    unit: p.unit,
                                  })}
                                </Text>
                              )
                            ) : (
                              <Badge size="xs" color="orange" variant="light">
                                {l("belowMinimum", {
                                  qty: formatQuantity(p.min_quantity, i18n.language),
                                  unit: p.unit,
                                })}
                              </Badge>
                            )}
                          </Group>
                        </Stack>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={600}>
                            {formatUnitPrice(p.unit_price, p.currency, i18n.language)}
                          </Text>
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => {
                              onPick(p, applies);
                              setOpened(false);
                            }}
                            data-testid="price-suggestion-use"
                          >
                            {l("use")}
                          </Button>
                        </Group>
                      </Group>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              )}
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
