import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys } from "../../../api/assets";
import { networkApi, networkKeys } from "../../../api/network";
import type { SubnetInfo } from "../../../bindings/SubnetInfo";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import "./i18n";
import { MONO } from "../parts";

function SubnetForm({
  siteId,
  subnet,
  onClose,
}: {
  siteId: number;
  subnet: SubnetInfo | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const vlans = useQuery({
    queryKey: networkKeys.vlans(siteId),
    queryFn: () => networkApi.vlans(siteId),
  });
  const { form, showError } = useServerForm(
    {
      cidr: subnet?.cidr ?? "",
      name: subnet?.name ?? "",
      vlan_id: subnet?.vlan_id ? String(subnet.vlan_id) : (null as string | null),
      gateway: subnet?.gateway ?? "",
      dhcp_start: subnet?.dhcp_start ?? "",
      dhcp_end: subnet?.dhcp_end ?? "",
      dns: subnet?.dns ?? "",
      notes: subnet?.notes ?? "",
    },
    { area: "network" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      networkApi.saveSubnet(subnet?.id ?? null, subnet?.version ?? 0, {
        site_id: siteId,
        vlan_id: v.vlan_id ? Number(v.vlan_id) : null,
        cidr: v.cidr,
        name: v.name,
        gateway: orNull(v.gateway),
        dhcp_start: orNull(v.dhcp_start),
        dhcp_end: orNull(v.dhcp_end),
        dns: orNull(v.dns),
        notes: orNull(v.notes),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("network.subnetSaved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`network.fields.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="subnet-form">
      <Stack>
        <Group grow align="flex-start">
          <TextInput
            label={label("cidr")}
            description={t("network.cidrHelp")}
            withAsterisk
            styles={MONO}
            {...form.getInputProps("cidr")}
            name="cidr"
          />
          <TextInput
            label={label("name")}
            withAsterisk
            {...form.getInputProps("name")}
            name="name"
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={label("vlan")}
            clearable
            data={(vlans.data ?? []).map((v) => ({
              value: String(v.id),
              label: `${v.number} · ${v.name}`,
            }))}
            {...form.getInputProps("vlan_id")}
          />
          <TextInput
            label={label("gateway")}
            styles={MONO}
            {...form.getInputProps("gateway")}
            name="gateway"
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={label("dhcp_start")}
            styles={MONO}
            {...form.getInputProps("dhcp_start")}
            name="dhcp_start"
          />
          <TextInput
            label={label("dhcp_end")}
            styles={MONO}
            {...form.getInputProps("dhcp_end")}
            name="dhcp_end"
          />
        </Group>
        <TextInput label={label("dns")} styles={MONO} {...form.getInputProps("dns")} name="dns" />
        <Textarea label={label("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="subnet-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SubnetFormModal({
  siteId,
  subnet,
  opened,
  onClose,
}: {
  siteId: number;
  subnet: SubnetInfo | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(subnet ? "network.editSubnetTitle" : "network.newSubnetTitle")}
      size="lg"
    >
      {opened && <SubnetForm siteId={siteId} subnet={subnet} onClose={onClose} />}
    </Modal>
  );
}
