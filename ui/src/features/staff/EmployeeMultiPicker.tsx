import { SearchMultiSelect, type SearchMultiSelectProps } from "../../kit/SearchPickers";
import { useStaffOptions, useStaffWords } from "./EmployeePicker";
import "./i18n";

/** Picks several people among active staff, searching in SQL as the person types. */
export function EmployeeMultiPicker(props: SearchMultiSelectProps) {
  return <SearchMultiSelect useOptions={useStaffOptions} words={useStaffWords()} {...props} />;
}
