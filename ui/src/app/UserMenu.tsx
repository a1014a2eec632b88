import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconKey, IconLock, IconLogout } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ChangePasswordModal } from "../features/auth/ChangePasswordModal";
import { useSession } from "./session";

export function UserMenu() {
  const { t } = useTranslation();
  const { session, signOut, lock } = useSession();
  const [changing, setChanging] = useState(false);
  const u = session.user;
  return (
    <>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <UnstyledButton data-testid="user-menu">
            <Group gap="xs" wrap="nowrap">
              <Avatar size="sm" color="indigo" radius="xl">
                {u.full_name.slice(0, 1).toUpperCase()}
              </Avatar>
              <Text size="sm" fw={500} data-testid="signed-in-user">
                {u.full_name}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{u.username}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setChanging(true)}>
            {t("auth.changePassword")}
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={14} />} onClick={lock} data-testid="lock-now">
            {t("auth.lockNow")}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={14} />}
            color="red"
            onClick={signOut}
            data-testid="sign-out"
          >
            {t("auth.signOut")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} />
    </>
  );
}
