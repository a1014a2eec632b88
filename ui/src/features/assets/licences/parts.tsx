import { Badge, Group, Select, type SelectProps, Text, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { licenceKeys, licencesApi } from "../../../api/licences";
import type { Licence } from "../../../bindings/Licence";
import type { SoftwareProduct } from "../../../bindings/SoftwareProduct";
import { seatsText, seatUse } from "./values";
import "./i18n";

/** Every software product (an office has dozens, not thousands). */
export function useProducts() {
  return useQuery({
    queryKey: licenceKeys.products(null),
    queryFn: () => licencesApi.products(null),
    staleTime: 60_000,
  });
}

/** "Office 2021 · Microsoft": a product as a list or a picker names it. */
export function productLabel(
  p: Pick<SoftwareProduct, "name" | "product_version" | "publisher">,
): string {
  const name = p.product_version ? `${p.name} ${p.product_version}` : p.name;
  return p.publisher ? `${name} · ${p.publisher}` : name;
}

/** The licence's product, as `productLabel` names it. */
export function licenceName(
  l: Pick<Licence, "product_name" | "product_version" | "publisher">,
): string {
  return productLabel({ ...l, name: l.product_name });
}

type ProductSelectProps = Omit<SelectProps, "data"> & { products: SoftwareProduct[] };

export function ProductSelect({ products, ...props }: ProductSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      placeholder={t("licences.product.pick")}
      nothingFoundMessage={t("licences.product.nothingFound")}
      data={products.map((p) => ({ value: String(p.id), label: productLabel(p) }))}
      {...props}
    />
  );
}

/** Seats held of those bought; red, with how many beyond, when more are held than bought. */
export function SeatCount({ used, total }: { used: number; total: number }) {
  const { t } = useTranslation();
  const use = seatUse(used, total);
  const text = (
    <Text
      size="sm"
      fw={use === "over" ? 600 : undefined}
      c={use === "over" ? "red.8" : undefined}
      data-testid="licence-seats"
      data-use={use}
    >
      {seatsText(used, total)}
    </Text>
  );
  if (use !== "over") return text;
  return (
    <Tooltip label={t("licences.overMark", { count: used - total })}>
      <Group gap={6} wrap="nowrap">
        {text}
        <Badge
          color="red"
          variant="filled"
          size="xs"
          circle
          aria-label={t("licences.seatUse.over")}
        >
          !
        </Badge>
      </Group>
    </Tooltip>
  );
}
