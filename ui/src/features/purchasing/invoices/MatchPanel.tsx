import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { matchApi, matchKeys } from "../../../api/invoiceMatch";
import { QueryState } from "../../../app/QueryState";
import { useCan } from "../../../app/session";
import type { SupplierInvoice } from "../../../bindings/SupplierInvoice";
import { MatchDifferences } from "./MatchDifferences";
import { MatchPairing } from "./MatchPairing";

/** The invoice's "Match" tab: the pairing purchasing confirms, then accounting's side. */
export function MatchPanel({ inv }: { inv: SupplierInvoice }) {
  const canWrite = useCan("purchasing", "write");
  const state = useQuery({
    queryKey: matchKeys.state(inv.id),
    queryFn: () => matchApi.state(inv.id),
  });
  return (
    <Stack>
      <MatchPairing invoiceId={inv.id} currency={inv.currency} canWrite={canWrite} />
      <QueryState query={state}>
        {(m) => <MatchDifferences m={m} currency={inv.currency} canWrite={canWrite} />}
      </QueryState>
    </Stack>
  );
}
