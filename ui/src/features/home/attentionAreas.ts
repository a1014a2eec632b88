import type { ComponentType } from "react";
import type { Area } from "../../bindings/Area";
import type { AttentionItem } from "../../bindings/AttentionItem";
import { AssetAction, useAssetReason } from "../assets/attention";
import { AuditAction, useAuditReason } from "../audits/attention";
import { PurchasingAction, usePurchasingReason } from "../purchasing/attention";
import { StaffAction, useStaffReason } from "../staff/attention";

// How each area's items are worded and opened on Home. An area that reports to the attention
// list (a provider in Rust) adds its line here; the list itself does not change.

export type AttentionView = {
  /** A hook giving the sentence that says why an item needs someone. */
  useReason: () => (item: AttentionItem) => string;
  /** The button that opens the exact place to act. */
  Action: ComponentType<{ item: AttentionItem }>;
};

export const ATTENTION_VIEWS: Partial<Record<Area, AttentionView>> = {
  staff: { useReason: useStaffReason, Action: StaffAction },
  audits: { useReason: useAuditReason, Action: AuditAction },
  assets: { useReason: useAssetReason, Action: AssetAction },
  purchasing: { useReason: usePurchasingReason, Action: PurchasingAction },
};
