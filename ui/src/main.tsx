import "./app/styles/first";
import "./app/global.css";
import { createRoot } from "react-dom/client";
import { settingsApi } from "./api/settings";
import { ErrorBoundary } from "./app/ErrorBoundary";
import { Root } from "./app/Root";
import { initI18n, isLanguage, lastLanguage } from "./i18n";
import { mark } from "./lib/marks";

// Before sign-in the screen speaks the language last used on this machine, else the system's;
// after sign-in, the person's saved preference takes over.
async function boot() {
  mark("boot");
  const startup = await settingsApi.startup();
  mark("boot:startup");
  const last = lastLanguage();
  const language = last ?? (isLanguage(startup.system_language) ? startup.system_language : "en");
  await initI18n(language);
  mark("boot:i18n");
  const root = document.getElementById("root");
  if (root)
    createRoot(root).render(
      <ErrorBoundary>
        <Root startup={startup} />
      </ErrorBoundary>,
    );
}

boot().catch((e: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `Backoffice could not start: ${String(e)}`;
});
