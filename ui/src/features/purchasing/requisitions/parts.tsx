import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RequisitionState } from "../../../bindings/RequisitionState";
import type { RfqState } from "../../../bindings/RfqState";
import "../i18n-requisitions";

const COLOURS: Record<RequisitionState, string> = {
  draft: "gray",
  submitted: "yellow",
  approved: "teal",
  rejected: "red",
  ordered: "blue",
};

export function RequisitionStatusBadge({ status }: { status: RequisitionState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOURS[status]}
      variant="light"
      data-testid="requisition-status"
      data-status={status}
    >
      {t(`requisitionsUi.state.${status}`)}
    </Badge>
  );
}

const RFQ_COLOURS: Record<RfqState, string> = {
  draft: "gray",
  sent: "blue",
  answered: "teal",
  declined: "orange",
  chosen: "green",
  not_chosen: "dark",
};

export function RfqStatusBadge({ status }: { status: RfqState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RFQ_COLOURS[status]}
      variant="light"
      data-testid="rfq-status"
      data-status={status}
    >
      {t(`requisitionsUi.rfqState.${status}`)}
    </Badge>
  );
}

/** The wording area of requisitions' refusals and field problems. */
export const WORDING = "requisitionsUi";
