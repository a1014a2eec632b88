import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import { useCan } from "../../app/session";
import { formatDate } from "../../i18n/format";
import { AuditStatusBadge, FindingStatusBadge, SeverityBadge } from "./parts";
import "./i18n";

/**
 * The audits a record took part in: those whose scope lists it and those with a finding about
 * it. Shown only to people who read audits; a record no audit names shows nothing.
 */
export function RecordAudits({
  entity,
  recordId,
}: {
  entity: "assets" | "suppliers";
  recordId: number;
}) {
  const canRead = useCan("audits", "read");
  if (!canRead) return null;
  return <AuditsOf entity={entity} recordId={recordId} />;
}

function AuditsOf({ entity, recordId }: { entity: "assets" | "suppliers"; recordId: number }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const audits = useQuery({
    queryKey: auditKeys.ofRecord(entity, recordId),
    queryFn: () => auditsApi.ofRecord(entity, recordId),
  });
  const rows = audits.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card data-testid="record-audits">
      <Text fw={600} mb="sm">
        {t("audits.ofRecord.title")}
      </Text>
      <Stack gap="xs">
        {rows.map((r) => (
          <Group key={`${r.audit_id}-${r.finding?.id ?? "scope"}`} gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" w={90}>
              {formatDate(r.planned_start, i18n.language)}
            </Text>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() =>
                r.finding
                  ? go({
                      page: "audit",
                      id: r.audit_id,
                      tab: "findings",
                      focus: `finding:${r.finding.id}`,
                    })
                  : go({ page: "audit", id: r.audit_id, tab: "details" })
              }
            >
              {r.title}
            </Anchor>
            <AuditStatusBadge status={r.status} />
            {r.finding ? (
              <>
                <Text size="sm">
                  {t("audits.ofRecord.finding", { n: r.finding.number, title: r.finding.title })}
                </Text>
                <SeverityBadge severity={r.finding.severity} />
                <FindingStatusBadge status={r.finding.status} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("audits.ofRecord.inScope")}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
