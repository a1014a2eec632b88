import { Alert, Button, Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/errors";

/** Loading spinner, translated error with retry, or the content once data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={t("common.loadFailed")} data-testid="load-error">
        {errorMessage(query.error, t)}
        <Button variant="light" size="xs" ml="md" onClick={() => query.refetch()}>
          {t("app.retry")}
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
