import type { TFunction } from "i18next";
import type { FatturaPaProblem } from "../../bindings/FatturaPaProblem";
import { formatMoney } from "../../i18n/format";
import "./i18n-fatturapa";

/** Parameters the reader sends in cents, shown as money. */
const CENTS = ["expected", "found", "difference"];

/** One problem of the FatturaPA reader as a sentence, amounts and VAT rates formatted. */
export function fatturapaProblem(
  p: FatturaPaProblem,
  t: TFunction,
  language: string,
  currency = "EUR",
): string {
  const params: Record<string, string> = { ...p.params };
  for (const key of CENTS) {
    if (params[key] !== undefined) {
      params[key] = formatMoney(Number(params[key]), currency, language);
    }
  }
  if (params.rate !== undefined) {
    params.rate = `${(Number(params.rate) / 100).toLocaleString(language)} %`;
  }
  const text = t(`fatturapa.problem.${p.code}`, params);
  return p.path ? `${text} (${t("fatturapa.where", { file: p.file, path: p.path })})` : text;
}
