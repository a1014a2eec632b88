import { Modal } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { lazyPage, PageLoading } from "../../app/lazyPage";
import type { ImportArea } from "../../bindings/ImportArea";
import "./i18n";

/** The wizard's steps, in their own chunk: most visits to a list import nothing. */
const ImportWizard = lazyPage(() => import("./ImportWizard"), "ImportWizard");

/** The import wizard of `area` in a dialog; `onClose` after the person closes it. */
export function ImportDialog({
  area,
  opened,
  onClose,
  fixed,
}: {
  area: ImportArea;
  opened: boolean;
  onClose: () => void;
  /** Options the screen decides, sent with the person's (e.g. the checklist imported into). */
  fixed?: Record<string, number>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(`import.areas.${area}.title`)}
      size={960}
      closeOnClickOutside={false}
    >
      {opened ? (
        <Suspense fallback={<PageLoading />}>
          <ImportWizard area={area} onClose={onClose} fixed={fixed} />
        </Suspense>
      ) : null}
    </Modal>
  );
}
