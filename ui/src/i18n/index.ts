import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { exportEventEn, exportEventIt } from "../features/history/exportEventI18n";
import { importEn, importIt } from "../features/staffImport/i18n";
import { en } from "./en";
import { it } from "./it";

export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(s: string | null | undefined): s is Language {
  return s === "it" || s === "en";
}

export async function initI18n(language: Language) {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, import: importEn, exportEvent: exportEventEn } },
      it: { translation: { ...it, import: importIt, exportEvent: exportEventIt } },
    },
    lng: language,
    fallbackLng: "en",
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    // Resources are bundled, so there is never anything to wait for.
    react: { useSuspense: false },
  });
  document.documentElement.lang = language;
}

const LAST_KEY = "backoffice.lastLanguage";

/** The language last chosen in this window, kept only to greet the next sign-in screen in it. */
export function lastLanguage(): Language | null {
  const v = window.localStorage.getItem(LAST_KEY);
  return isLanguage(v) ? v : null;
}

export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  window.localStorage.setItem(LAST_KEY, language);
}

export { i18next };
