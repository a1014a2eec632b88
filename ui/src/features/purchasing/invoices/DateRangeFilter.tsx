import { useTranslation } from "react-i18next";
import { DateField } from "../../staff/parts";

/**
 * The "from" and "to" dates a list of invoices or of their due payments is narrowed to, as
 * "YYYY-MM-DD" or null; each bound may be left empty.
 */
export function DateRangeFilter({
  from,
  to,
  onFrom,
  onTo,
  w,
}: {
  from: string | null;
  to: string | null;
  onFrom: (v: string | null) => void;
  onTo: (v: string | null) => void;
  w: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        field="from"
        aria-label={t("invoicesUi.list.from")}
        placeholder={t("invoicesUi.list.from")}
        value={from}
        onChange={onFrom}
        w={w}
      />
      <DateField
        field="to"
        aria-label={t("invoicesUi.list.to")}
        placeholder={t("invoicesUi.list.to")}
        value={to}
        onChange={onTo}
        w={w}
      />
    </>
  );
}
