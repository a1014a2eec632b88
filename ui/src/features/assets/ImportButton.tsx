import { Button } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { assetKeys } from "../../api/assets";
import type { ImportArea } from "../../bindings/ImportArea";
import { ImportDialog } from "../import/ImportDialog";

/** A button opening the import wizard of one IT area; the IT lists reload once it closes. */
export function ImportButton({
  area,
  label,
  testId,
}: {
  area: ImportArea;
  label: string;
  testId: string;
}) {
  const [opened, setOpened] = useState(false);
  const qc = useQueryClient();
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileImport size={16} />}
        onClick={() => setOpened(true)}
        data-testid={testId}
      >
        {label}
      </Button>
      <ImportDialog
        area={area}
        opened={opened}
        onClose={() => {
          setOpened(false);
          qc.invalidateQueries({ queryKey: assetKeys.all });
        }}
      />
    </>
  );
}
