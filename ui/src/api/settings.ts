import type { Home } from "../bindings/Home";
import type { Organisation } from "../bindings/Organisation";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { Preferences } from "../bindings/Preferences";
import type { Startup } from "../bindings/Startup";
import { call } from "./invoke";

/** Query keys of home and the organisation's settings. */
export const settingsKeys = {
  home: ["home"] as const,
  organisation: ["organisation"] as const,
};

export const settingsApi = {
  startup: () => call<Startup>("startup"),
  home: () => call<Home>("home"),
  preferences: () => call<Preferences>("get_preferences"),
  setLanguage: (language: string) => call<Preferences>("set_language", { language }),
  organisation: () => call<Organisation>("get_organisation"),
  saveOrganisation: (input: OrganisationInput) =>
    call<Organisation>("save_organisation", { input }),
};
