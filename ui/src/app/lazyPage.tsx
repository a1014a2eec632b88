import { Center, Group, Loader, Text } from "@mantine/core";
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { useTranslation } from "react-i18next";

/**
 * A screen loaded on first use: `load` is a dynamic `import()`, so the bundler puts the screen
 * (and whatever only it uses) in its own chunk, fetched when the screen is first shown.
 * `preload` starts that fetch early (e.g. home's chunk while the sign-in settles); calling it
 * again, or rendering after it, reuses the same module.
 */
export type LazyPage<P> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<void> };

export function lazyPage<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends ComponentType<infer P> ? LazyPage<P> : never {
  let loading: Promise<{ default: M[K] }> | null = null;
  const get = () => {
    loading ??= load().then((m) => ({ default: m[name] }));
    return loading;
  };
  // Casts: React's `lazy` types its module as `{ default: ComponentType<any> }`; `M[K]` is one.
  const page = lazy(get as () => Promise<{ default: ComponentType<unknown> }>);
  return Object.assign(page, {
    // A failed load is reported where the screen renders (the error boundary), not here.
    preload: () =>
      get().then(
        () => {},
        () => {},
      ),
  }) as never;
}

/** What a screen shows while its chunk loads (a few milliseconds from the local bundle). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" data-testid="page-loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t("app.loading")}
        </Text>
      </Group>
    </Center>
  );
}
