import i18next from "i18next";

// How a feature's strings join the resources. Each feature folder has an `i18n.ts` holding its
// strings in both languages and calling `addTranslations` when its chunk loads, so a screen's
// text arrives with the screen; `src/i18n` keeps only what the shell and the sign-in screens say.

/** The same keys as `T`, each with a string of its own: what a translation must provide. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** One feature's strings, keyed by language; the Italian has the English one's shape. */
export type Bundle = { en: Record<string, unknown>; it: Record<string, unknown> };

/** Bundles added before the resources exist (none in the app; tests import features directly). */
const waiting: Bundle[] = [];

export function addTranslations(bundle: Bundle) {
  if (!i18next.isInitialized) {
    waiting.push(bundle);
    return;
  }
  for (const language of ["en", "it"] as const) {
    i18next.addResourceBundle(language, "translation", bundle[language], true, true);
  }
}

/** The bundles added before start-up, for `initI18n` to include. */
export function takeWaiting(): Bundle[] {
  return waiting.splice(0);
}
