import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage, isLanguage, LANGUAGES } from "../i18n";

/**
 * Switches the interface language at once. `onChange` lets a signed-in screen also save the
 * choice; before sign-in it only changes the screen.
 */
export function LanguageSwitch({ onChange }: { onChange?: (language: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("nav.language")}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(v) => {
        if (!isLanguage(v)) return;
        changeLanguage(v);
        onChange?.(v);
      }}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
