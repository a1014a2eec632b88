import { Group, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SignatureState } from "../../../bindings/SignatureState";
import "../i18n-fatturapa";

/** What a signed file's signature says, with the trust that was not checked offline. */
export function SignatureLine({ state, signer }: { state: SignatureState; signer: string | null }) {
  const { t } = useTranslation();
  const key = state === "intact" ? "intact_trust_not_checked" : state;
  const Icon = state === "intact" ? IconShieldCheck : IconShieldQuestion;
  return (
    <Group
      gap={6}
      wrap="nowrap"
      align="flex-start"
      data-testid="invoice-signature"
      data-state={state}
    >
      <Icon size={18} />
      <Text size="sm">{t(`fatturapa.signature.${key}`, { signer: signer ?? "—" })}</Text>
    </Group>
  );
}
