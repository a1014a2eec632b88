/**
 * Draws the eye to a row brought into view from elsewhere (a search hit, a completeness issue).
 * The class is taken off and put back with a reflow between, so a row highlighted a moment ago
 * flashes again when it is opened a second time (re-adding a class already present would not
 * restart its animation).
 */
export function flash(row: HTMLElement | null | undefined) {
  if (!row) return;
  row.classList.remove("staff-highlight");
  void row.offsetWidth;
  row.classList.add("staff-highlight");
}
