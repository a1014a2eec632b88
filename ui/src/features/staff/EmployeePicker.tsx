import { useTranslation } from "react-i18next";
import { type PickOption, SearchSelect, type SearchSelectProps } from "../../kit/SearchPickers";
import { useStaffSearch } from "./staffSearch";
import "./i18n";

/** Active staff matching what is typed, as picker options ("surname name"). */
export function useStaffOptions(search: string): PickOption[] {
  const found = useStaffSearch(search);
  return (found.data?.items ?? []).map((r) => ({
    value: String(r.id),
    label: `${r.last_name} ${r.first_name}`,
  }));
}

export function useStaffWords() {
  const { t } = useTranslation();
  return { placeholder: t("staff.managerPlaceholder"), nothingFound: t("staff.nothingFound") };
}

/** Picks a person among active staff, searching in SQL as the person types (20 at a time). */
export function EmployeePicker(props: SearchSelectProps) {
  return <SearchSelect useOptions={useStaffOptions} words={useStaffWords()} {...props} />;
}
