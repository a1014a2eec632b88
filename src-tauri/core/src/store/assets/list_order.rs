//! The asset list's sort orders, each a list of terms an index serves, and how a deep page is
//! read from the other end.

use crate::domain::assets::asset::AssetSort;
use crate::domain::page::SortDir;

/// One term of an ORDER BY: its expression, and whether it follows the list's direction
/// (`false`: always ascending, as `x IS NULL` keeps the empty ones last both ways).
type Term = (&'static str, bool);

/// The join a sort needs and its terms. The name and then the id break ties so paging is
/// stable; each order matches an index, walked forwards or backwards (migrations 0020, 0021).
pub fn terms(sort: AssetSort) -> (&'static str, &'static [Term]) {
    match sort {
        AssetSort::Tag => ("", &[("a.tag_key", true), ("a.id", true)]),
        AssetSort::Name => ("", &[("a.name_key", true), ("a.id", true)]),
        // SQLite walks the categories' name index and each one's assets through
        // (category_id, name_key).
        AssetSort::Category => (
            " JOIN asset_categories c ON c.id = a.category_id",
            &[("c.name_key", true), ("a.name_key", true), ("a.id", true)],
        ),
        AssetSort::Status => (
            "",
            &[("a.status", true), ("a.name_key", true), ("a.id", true)],
        ),
        // The stored keys: a join on the other table's name made SQLite sort every asset.
        AssetSort::Location => (
            "",
            &[
                ("a.location_key IS NULL", false),
                ("a.location_key", true),
                ("a.name_key", true),
                ("a.id", true),
            ],
        ),
        AssetSort::Holder => (
            "",
            &[
                ("a.holder_key IS NULL", false),
                ("a.holder_key", true),
                ("a.name_key", true),
                ("a.id", true),
            ],
        ),
        AssetSort::WarrantyEnd => (
            "",
            &[
                ("a.warranty_end IS NULL", false),
                ("a.warranty_end", true),
                ("a.id", true),
            ],
        ),
        AssetSort::PurchaseDate => (
            "",
            &[
                ("a.purchase_date IS NULL", false),
                ("a.purchase_date", true),
                ("a.id", true),
            ],
        ),
        AssetSort::UpdatedAt => ("", &[("a.updated_at", true), ("a.id", true)]),
    }
}

/// The ORDER BY of `terms` in direction `dir`, or its exact reverse.
pub fn order_sql(terms: &[Term], dir: SortDir, reversed: bool) -> String {
    terms
        .iter()
        .map(|(expr, follows)| {
            let up = !*follows || dir == SortDir::Asc;
            let up = up != reversed;
            format!("{expr} {}", if up { "ASC" } else { "DESC" })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which rows to read for the page at `offset`, `limit` of `total`: `(offset, limit, reversed)`.
/// A page past the middle is read from the other end in the reverse order (its rows then put
/// back): an OFFSET walks every row it skips, so no page walks more than half the list.
pub fn window(offset: i64, limit: i64, total: i64) -> (i64, i64, bool) {
    if offset <= total / 2 || offset >= total {
        return (offset, limit, false);
    }
    let end = (offset + limit).min(total);
    (total - end, end - offset, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_page_is_read_backwards_with_the_same_rows() {
        assert_eq!(window(0, 50, 1000), (0, 50, false));
        assert_eq!(window(500, 50, 1000), (500, 50, false));
        assert_eq!(window(950, 50, 1000), (0, 50, true));
        assert_eq!(window(980, 50, 1000), (0, 20, true));
        assert_eq!(window(600, 50, 1000), (350, 50, true));
        assert_eq!(window(1000, 50, 1000), (1000, 50, false));
    }

    #[test]
    fn the_reverse_flips_every_term() {
        let (_, t) = terms(AssetSort::Holder);
        assert_eq!(
            order_sql(t, SortDir::Desc, false),
            "a.holder_key IS NULL ASC, a.holder_key DESC, a.name_key DESC, a.id DESC"
        );
        assert_eq!(
            order_sql(t, SortDir::Desc, true),
            "a.holder_key IS NULL DESC, a.holder_key ASC, a.name_key ASC, a.id ASC"
        );
    }
}
