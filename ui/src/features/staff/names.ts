// Names of the editable lists, apart from the screens (and their strings), so the header's search
// can name a document's type without loading the staff area.

/** Anything with an Italian name and an optional English one (contract types, courses…). */
export type Named = { id: number; name_it: string; name_en: string | null; active?: boolean };

/** The name in the interface language; English falls back to the Italian name. */
export function nameIn(item: Named, language: string): string {
  return language === "en" ? (item.name_en ?? item.name_it) : item.name_it;
}
