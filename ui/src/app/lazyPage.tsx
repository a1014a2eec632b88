import { Center, Group, Loader, Text } from "@mantine/core";
import { type ComponentType, lazy, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A screen loaded on first use: `load` is a dynamic `import()`, so the bundler puts the screen
 * (and whatever only it uses) in its own chunk, fetched when the screen is first shown.
 * `preload` starts that fetch early (e.g. home's chunk while the sign-in form waits); calling it
 * again, or rendering after it, reuses the same module.
 */
export type LazyPage<P> = ComponentType<P> & { preload: () => Promise<void> };

type Screen = ComponentType<Record<string, unknown>>;

export function lazyPage<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends ComponentType<infer P> ? LazyPage<P> : never {
  let loaded: Screen | null = null;
  let loading: Promise<{ default: Screen }> | null = null;
  const get = () => {
    loading ??= load().then((m) => {
      loaded = m[name] as Screen;
      return { default: loaded };
    });
    return loading;
  };
  const Lazy = lazy(get);
  // biome-ignore lint/correctness/noComponentHookFactories: called once per screen at module level, as React's `lazy` is
  function Page(props: Record<string, unknown>) {
    // Suspending costs more than loading: after showing a fallback React holds the screen back
    // for up to 300 ms, which made sign-in → home 0.2 s slower although home's code was already
    // here. A screen whose code is loaded renders directly; the choice is made once per mount,
    // so a mounted screen never changes component type under its own state.
    const [Direct] = useState(() => loaded);
    return Direct ? <Direct {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Page, {
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
