import { ScrollArea, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChosenImport, Mapping } from "../../api/imports";
import { inLanguage, isRequired } from "./labels";

/** Which column fills each of the area's fields, and the file's first rows to judge by. */
export function MappingStep({
  chosen,
  mapping,
  setMapping,
  errors,
}: {
  chosen: ChosenImport;
  mapping: Mapping;
  setMapping: (m: Mapping) => void;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const p = chosen.preview;
  const columns = p.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("import.mappingHelp")}
      </Text>
      <SimpleGrid cols={3} spacing="sm" data-testid="import-mapping">
        {p.fields.map((f) => (
          <Select
            key={f.key}
            label={inLanguage(f.label, i18n.language)}
            withAsterisk={isRequired(f, mapping)}
            placeholder={t("import.notImported")}
            clearable
            data={columns}
            value={mapping[f.key] === undefined ? null : String(mapping[f.key])}
            error={errors[`mapping.${f.key}`]}
            onChange={(v) => {
              const next = { ...mapping };
              if (v === null) delete next[f.key];
              else next[f.key] = Number(v);
              setMapping(next);
            }}
            data-testid={`map-${f.key}`}
          />
        ))}
      </SimpleGrid>
      <Text fw={600} mt="sm">
        {t("import.preview")}
      </Text>
      <ScrollArea type="auto">
        <Table striped withTableBorder fz="xs" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.line")}</Table.Th>
              {p.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; position is the identity
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rows.slice(0, 5).map((r, i) => (
              <Table.Tr key={p.lines[i]}>
                <Table.Td>{p.lines[i]}</Table.Td>
                {r.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <Table.Td key={j}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
