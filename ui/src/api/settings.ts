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
};
