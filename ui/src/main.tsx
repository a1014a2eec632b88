import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/global.css";
import { createRoot } from "react-dom/client";
import { settingsApi } from "./api/settings";
import { Root } from "./app/Root";
import { initI18n, isLanguage } from "./i18n";

// Language first (the person's saved choice, else the system's), then the first render.
async function boot() {
  const startup = await settingsApi.startup();
  const prefs = startup.error ? null : await settingsApi.preferences().catch(() => null);
  const saved = prefs?.language;
  const language = isLanguage(saved)
    ? saved
    : isLanguage(startup.system_language)
      ? startup.system_language
      : "en";
  await initI18n(language);
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<Root startup={startup} />);
}

boot().catch((e: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `Backoffice could not start: ${String(e)}`;
});
