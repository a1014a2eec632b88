import { TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** The search box above a list: the area's placeholder, the shared label and icon. */
export function ListSearch({
  value,
  onChange,
  placeholder,
  testId,
  width = 300,
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  testId: string;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      placeholder={placeholder}
      aria-label={t("common.search")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={width}
      data-testid={testId}
    />
  );
}
