import { Badge, Button, Divider, Drawer, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDevicesPc, IconUser } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { licenceKeys, licencesApi } from "../../../api/licences";
import type { Licence } from "../../../bindings/Licence";
import type { Seat } from "../../../bindings/Seat";
import { formatDate } from "../../../i18n/format";
import { ListError } from "../../../kit/listParts";
import { notifyError } from "../../../lib/useServerForm";
import { licenceName, SeatCount } from "./parts";
import { SeatAssignForm } from "./SeatAssignForm";
import "./i18n";

/** Who holds the seat: a person (marked when they have left) or a device by its tag. */
function Holder({ seat }: { seat: Seat }) {
  const { t } = useTranslation();
  if (seat.employee_id !== null) {
    return (
      <Group gap={6} wrap="nowrap">
        <IconUser size={16} stroke={1.5} />
        <Text size="sm">{seat.employee_name}</Text>
        {seat.employee_terminated && (
          <Badge color="orange" variant="light" size="sm" data-testid="seat-left">
            {t("licences.seats.left")}
          </Badge>
        )}
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <IconDevicesPc size={16} stroke={1.5} />
      <Text size="sm" ff="monospace">
        {seat.asset_tag}
      </Text>
    </Group>
  );
}

function HeldSeats({ licenceId, canWrite }: { licenceId: number; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const seats = useQuery({
    queryKey: licenceKeys.seats(licenceId, true),
    queryFn: () => licencesApi.seats(licenceId, true),
  });
  const release = useMutation({
    mutationFn: (s: Seat) => licencesApi.releaseSeat(s.id, s.version, null),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: licenceKeys.all });
      notifications.show({ color: "green", message: t("licences.seats.released") });
    },
    onError: (e) => notifyError(e, t, "licences"),
  });
  if (seats.isError) return <ListError error={seats.error} retry={() => seats.refetch()} />;
  const rows = seats.data ?? [];
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="seats-empty">
        {seats.isPending ? "" : t("licences.seats.none")}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={6} data-testid="seats-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("licences.seats.holder")}</Table.Th>
          <Table.Th w={110}>{t("licences.seats.since")}</Table.Th>
          {canWrite && <Table.Th w={100} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((s) => (
          <Table.Tr
            key={s.id}
            data-testid="seat-row"
            data-id={s.id}
            data-holder={s.employee_id !== null ? "person" : "device"}
          >
            <Table.Td>
              <Holder seat={s} />
              {s.note && (
                <Text size="xs" c="dimmed">
                  {s.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(s.assigned_on, i18n.language)}</Text>
            </Table.Td>
            {canWrite && (
              <Table.Td>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  loading={release.isPending && release.variables?.id === s.id}
                  onClick={() => release.mutate(s)}
                  data-testid="seat-release"
                >
                  {t("licences.seats.release")}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export type LicenceSeatsProps = {
  /** The licence whose seats are shown; null closes the drawer. */
  licence: Licence | null;
  onClose: () => void;
  canWrite: boolean;
};

/** Seats held now, from the same query as the table, so it moves with assignments. */
function HeldCount({ licence }: { licence: Licence }) {
  const seats = useQuery({
    queryKey: licenceKeys.seats(licence.id, true),
    queryFn: () => licencesApi.seats(licence.id, true),
  });
  return <SeatCount used={seats.data?.length ?? licence.seats_used} total={licence.seats} />;
}

/** A licence's held seats, with releasing them and assigning a new one (for writers). */
export function LicenceSeats({ licence, onClose, canWrite }: LicenceSeatsProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={licence !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        licence && (
          <Title order={4}>{t("licences.seats.title", { product: licenceName(licence) })}</Title>
        )
      }
      data-testid="licence-seats-drawer"
    >
      {licence && (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t(`licences.kind.${licence.kind}`)}
            </Text>
            <HeldCount licence={licence} />
          </Group>
          <Title order={5}>{t("licences.seats.held")}</Title>
          <HeldSeats licenceId={licence.id} canWrite={canWrite} />
          {canWrite && (
            <>
              <Divider />
              <Title order={5}>{t("licences.seats.assign")}</Title>
              <SeatAssignForm key={licence.id} licenceId={licence.id} />
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
