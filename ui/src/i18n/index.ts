import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { takeWaiting } from "./strings";

export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(s: string | null | undefined): s is Language {
  return s === "it" || s === "en";
}

/**
 * The shared strings of one language, in a chunk of their own: the first screen needs only the
 * language it is shown in, and the other one is fetched when someone switches.
 */
async function sharedStrings(language: Language): Promise<Record<string, unknown>> {
  return language === "en" ? (await import("./en")).en : (await import("./it")).it;
}

const loaded = new Set<Language>();

async function ensureLanguage(language: Language) {
  if (loaded.has(language)) return;
  i18next.addResourceBundle(language, "translation", await sharedStrings(language), true, true);
  loaded.add(language);
}

export async function initI18n(language: Language) {
  const strings = await sharedStrings(language);
  loaded.add(language);
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: strings } },
    lng: language,
    // No fallback language: the other one may not be loaded, and a vitest checks that both have
    // every key.
    fallbackLng: false,
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    // Resources are added before anything renders them, so there is never anything to wait for.
    react: { useSuspense: false },
  });
  for (const bundle of takeWaiting()) {
    for (const l of LANGUAGES) i18next.addResourceBundle(l, "translation", bundle[l], true, true);
  }
  document.documentElement.lang = language;
}

const LAST_KEY = "backoffice.lastLanguage";

/** The language last chosen in this window, kept only to greet the next sign-in screen in it. */
export function lastLanguage(): Language | null {
  const v = window.localStorage.getItem(LAST_KEY);
  return isLanguage(v) ? v : null;
}

export async function changeLanguage(language: Language) {
  await ensureLanguage(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  window.localStorage.setItem(LAST_KEY, language);
}

export { i18next };
