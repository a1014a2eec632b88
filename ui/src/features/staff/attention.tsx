import type { AttentionItem } from "../../bindings/AttentionItem";
import type { Issue } from "../../bindings/Issue";
import { FixButton, useIssueText } from "./issues";

// How a staff file's item on Home's attention list is worded and fixed: the same sentence and
// button as the completeness page, taking the person to the exact field, document or course.

/** The sentence for the item's most urgent issue. */
export function useStaffReason(): (item: AttentionItem) => string {
  const text = useIssueText();
  return (item) => text((item.reason as unknown as Issue).issue);
}

export function StaffAction({ item }: { item: AttentionItem }) {
  return <FixButton employeeId={item.record_id} issue={item.reason as unknown as Issue} />;
}
