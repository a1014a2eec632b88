/**
 * Start-up milestones on the page's performance timeline (`performance.mark`): the benchmark
 * suite reads them to split "open the app to a usable home screen" into its parts. A mark costs
 * nothing a person could notice.
 */
export type Milestone =
  | "boot"
  | "boot:startup"
  | "boot:i18n"
  | "sign-in:shown"
  | "sign-in:submit"
  | "sign-in:done"
  | "sign-in:language"
  | "home:shown";

export function mark(name: Milestone) {
  // The first of each only: later sign-ins would blur the start-up figures.
  if (performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}
