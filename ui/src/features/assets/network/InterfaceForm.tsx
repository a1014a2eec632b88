import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconWand } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys } from "../../../api/assets";
import { networkApi, networkKeys } from "../../../api/network";
import type { Interface } from "../../../bindings/Interface";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import "./i18n";
import { AssetPicker } from "../maintenance/parts";
import { MONO } from "../parts";

function InterfaceForm({
  nic,
  assetId,
  subnetId,
  ip,
  onClose,
}: {
  nic: Interface | null;
  assetId: number | null;
  subnetId: number | null;
  ip: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const subnets = useQuery({
    queryKey: networkKeys.subnets(null),
    queryFn: () => networkApi.subnets(null),
  });
  const { form, showError } = useServerForm(
    {
      asset_id: nic ? String(nic.asset_id) : assetId ? String(assetId) : (null as string | null),
      subnet_id: nic?.subnet_id
        ? String(nic.subnet_id)
        : subnetId
          ? String(subnetId)
          : (null as string | null),
      name: nic?.name ?? "",
      ip: nic?.ip ?? ip ?? "",
      mac: nic?.mac ?? "",
      hostname: nic?.hostname ?? "",
    },
    { area: "network" },
  );
  const suggest = async () => {
    if (!form.values.subnet_id) return;
    const next = await networkApi.nextFree(Number(form.values.subnet_id));
    if (next) form.setFieldValue("ip", next);
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      networkApi.saveInterface(nic?.id ?? null, nic?.version ?? 0, {
        asset_id: v.asset_id ? Number(v.asset_id) : 0,
        subnet_id: v.subnet_id ? Number(v.subnet_id) : null,
        name: orNull(v.name),
        ip: orNull(v.ip),
        mac: orNull(v.mac),
        hostname: orNull(v.hostname),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("network.interfaceSaved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`network.fields.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="interface-form">
      <Stack>
        <AssetPicker
          label={t("network.fields.asset")}
          withAsterisk
          value={form.values.asset_id}
          onChange={(v) => form.setFieldValue("asset_id", v)}
          currentLabel={nic ? `${nic.asset_tag} · ${nic.asset_name}` : null}
          error={form.errors.asset_id}
          data-testid="interface-asset"
        />
        <Group grow align="flex-start">
          <Select
            label={label("subnet")}
            clearable
            searchable
            data={(subnets.data ?? []).map((s) => ({
              value: String(s.id),
              label: `${s.cidr} · ${s.name}`,
            }))}
            {...form.getInputProps("subnet_id")}
            data-testid="interface-subnet"
          />
          <TextInput
            label={label("ip")}
            styles={MONO}
            {...form.getInputProps("ip")}
            name="ip"
            rightSection={
              <Tooltip label={t("network.nextFree")}>
                <ActionIcon
                  variant="subtle"
                  disabled={!form.values.subnet_id}
                  onClick={() => void suggest()}
                  aria-label={t("network.nextFree")}
                >
                  <IconWand size={16} />
                </ActionIcon>
              </Tooltip>
            }
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={label("mac")}
            description={t("network.macHelp")}
            styles={MONO}
            {...form.getInputProps("mac")}
            name="mac"
          />
          <TextInput
            label={label("hostname")}
            {...form.getInputProps("hostname")}
            name="hostname"
          />
        </Group>
        <TextInput label={label("interface")} {...form.getInputProps("name")} name="name" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="interface-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function InterfaceFormModal(props: {
  opened: boolean;
  nic: Interface | null;
  assetId: number | null;
  subnetId: number | null;
  ip: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { opened, onClose } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={t("network.interfaceTitle")} size="lg">
      {opened && <InterfaceForm {...props} />}
    </Modal>
  );
}
