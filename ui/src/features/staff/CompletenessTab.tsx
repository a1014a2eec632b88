import { Alert, Card, Group, List, Spoiler, Stack, Table, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import { FixButton, SeverityBadge, useIssueText } from "./issues";
import { ScoreRing } from "./parts";
import "./i18n";

/** How the score is made, in plain words (the weights live in Rust's completeness module). */
export function ScoreExplanation() {
  const { t } = useTranslation();
  return (
    <Spoiler maxHeight={0} showLabel={t("staff.scoreHowShow")} hideLabel={t("staff.scoreHowHide")}>
      <List size="sm" spacing={4} mt="xs">
        <List.Item>{t("staff.scoreHow.data")}</List.Item>
        <List.Item>{t("staff.scoreHow.contract")}</List.Item>
        <List.Item>{t("staff.scoreHow.requirements")}</List.Item>
        <List.Item>{t("staff.scoreHow.extras")}</List.Item>
        <List.Item>{t("staff.scoreHow.terminated")}</List.Item>
      </List>
    </Spoiler>
  );
}

/** The employee's score and every issue, most urgent first, each with a way to fix it. */
export function CompletenessTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const text = useIssueText();
  const c = file.completeness;
  return (
    <Stack>
      <Card>
        <Group wrap="nowrap" align="flex-start" gap="xl">
          <ScoreRing score={c.score} size={110} />
          <Stack gap={4} style={{ flex: 1 }}>
            <Title order={4}>{t("staff.completeness.scoreTitle")}</Title>
            <Text size="sm" c="dimmed">
              {c.issues.length === 0
                ? t("staff.completeness.noIssues")
                : t("staff.completeness.issueCount", { count: c.issues.length })}
            </Text>
            <ScoreExplanation />
          </Stack>
        </Group>
      </Card>
      {c.issues.length === 0 ? (
        <Alert color="green" icon={<IconCircleCheck />} data-testid="completeness-ok">
          {t("staff.completeness.allGood")}
        </Alert>
      ) : (
        <Card p={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="issues-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t("staff.completeness.severity")}</Table.Th>
                <Table.Th>{t("staff.completeness.issue")}</Table.Th>
                <Table.Th w={180} aria-label={t("common.actions")} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.issues.map((i, n) => (
                // Issues have no id of their own; their order is stable for one assessment.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Tr key={n} data-testid="issue-row" data-kind={i.issue.type}>
                  <Table.Td>
                    <SeverityBadge severity={i.severity} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{text(i.issue)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <FixButton employeeId={file.employee.id} issue={i} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
