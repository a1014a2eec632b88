import type { Attention } from "../bindings/Attention";
import type { Home } from "../bindings/Home";
import type { Organisation } from "../bindings/Organisation";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { Preferences } from "../bindings/Preferences";
import type { Severity } from "../bindings/Severity";
import type { Startup } from "../bindings/Startup";
import { call } from "./invoke";

/** Query keys of home and the organisation's settings. */
export const settingsKeys = {
  home: ["home"] as const,
  attention: ["attention"] as const,
  organisation: ["organisation"] as const,
  /** The logo's preview, per stored picture: a new one is fetched, an old one is reused. */
  logo: (sha256: string | null) => ["organisation", "logo", sha256] as const,
};

export const settingsApi = {
  startup: () => call<Startup>("startup"),
  home: () => call<Home>("home"),
  attention: (minSeverity: Severity, limit: number) =>
    call<Attention>("attention", { minSeverity, limit }),
  preferences: () => call<Preferences>("get_preferences"),
  setLanguage: (language: string) => call<Preferences>("set_language", { language }),
  organisation: () => call<Organisation>("get_organisation"),
  saveOrganisation: (input: OrganisationInput) =>
    call<Organisation>("save_organisation", { input }),
  /** The logo as a `data:` URL for the preview, or null. */
  logo: () => call<string | null>("get_organisation_logo"),
  /** Opens the open dialog titled `title`; the chosen PNG or JPEG becomes the logo. */
  chooseLogo: (title: string) => call<Organisation>("set_organisation_logo", { title }),
  clearLogo: () => call<Organisation>("clear_organisation_logo"),
};
