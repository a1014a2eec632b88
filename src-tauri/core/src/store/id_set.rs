//! A set of row ids a list is narrowed to (the records a full-text search found), bound to a
//! statement as one blob and tested row by row with the SQL function `in_ids(id, set)`.
//!
//! Why not `id IN (SELECT …)`: SQLite builds a b-tree of every id of the subquery before the
//! first row, 5 ms for the 41,000 orders of the suppliers named "Rossi", while the first page
//! of 50 needs about 120 rows of the sort's index. A walk can still test tens of thousands of
//! rows when the matches gather in one stretch of the sort (the 5,985 ThinkPads sorted by name
//! come after 22,879 other assets), so the test must be cheap: the blob is a bitmap over the
//! ids' span when that is compact (one bit per id, 6 KB for ids up to 50,000), the sorted ids
//! searched by halves otherwise.

use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// The SQL function's name: `in_ids(id, set)` is 1 when `id` is in the set, else 0.
pub const IN_IDS: &str = "in_ids";

/// The blob's first byte: which form follows.
const SORTED: u8 = 0;
const BITMAP: u8 = 1;

/// A bitmap is used while it is at most this many times the size of the sorted ids.
const BITMAP_MAX_RATIO: usize = 4;

/// Ids, sorted and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSet(Vec<i64>);

impl IdSet {
    /// The set of `ids`, in any order.
    pub fn new(mut ids: Vec<i64>) -> Self {
        ids.sort_unstable();
        ids.dedup();
        Self(ids)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The set as `in_ids` reads it: a bitmap (its first id, then one bit per id of the span)
    /// when the span is compact, else the sorted ids, eight bytes each, little-endian.
    pub fn blob(&self) -> Vec<u8> {
        let (Some(&first), Some(&last)) = (self.0.first(), self.0.last()) else {
            return vec![SORTED];
        };
        let span = u64::try_from(i128::from(last) - i128::from(first)).unwrap_or(u64::MAX);
        let bitmap_bytes = usize::try_from(span / 8 + 1).unwrap_or(usize::MAX);
        if bitmap_bytes <= self.0.len().saturating_mul(8 * BITMAP_MAX_RATIO) {
            let mut blob = Vec::with_capacity(9 + bitmap_bytes);
            blob.push(BITMAP);
            blob.extend_from_slice(&first.to_le_bytes());
            blob.resize(9 + bitmap_bytes, 0);
            for &id in &self.0 {
                // Within the span: `id - first` is at most `span`.
                let bit = id.wrapping_sub(first) as u64;
                blob[9 + (bit / 8) as usize] |= 1 << (bit % 8);
            }
            return blob;
        }
        let mut blob = Vec::with_capacity(1 + self.0.len() * 8);
        blob.push(SORTED);
        blob.extend(self.0.iter().flat_map(|id| id.to_le_bytes()));
        blob
    }

    /// The ids as a JSON array, for `json_each`.
    pub fn json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".to_owned())
    }
}

fn read_i64(bytes: &[u8]) -> i64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[..8]);
    i64::from_le_bytes(b)
}

/// Whether `id` is in `blob` (as [`IdSet::blob`] writes it).
fn contains(blob: &[u8], id: i64) -> bool {
    match blob.split_first() {
        Some((&BITMAP, rest)) if rest.len() >= 8 => {
            let (first, bits) = rest.split_at(8);
            let Ok(bit) = u64::try_from(i128::from(id) - i128::from(read_i64(first))) else {
                return false;
            };
            usize::try_from(bit / 8)
                .ok()
                .and_then(|i| bits.get(i))
                .is_some_and(|byte| byte & (1 << (bit % 8)) != 0)
        }
        Some((&SORTED, ids)) => {
            let (mut lo, mut hi) = (0, ids.len() / 8);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                match read_i64(&ids[mid * 8..]).cmp(&id) {
                    std::cmp::Ordering::Equal => return true,
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                }
            }
            false
        }
        _ => false,
    }
}

/// Makes `in_ids` known to connection `c`.
pub(super) fn register(c: &Connection) -> rusqlite::Result<()> {
    c.create_scalar_function(
        IN_IDS,
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let found = match (ctx.get_raw(0), ctx.get_raw(1)) {
                (ValueRef::Integer(id), ValueRef::Blob(set)) => contains(set, id),
                _ => false,
            };
            Ok(found)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_set_is_a_bitmap_and_a_sparse_one_sorted_ids() {
        let compact = IdSet::new(vec![42, 3, 10, 3, 7]);
        assert_eq!(compact.len(), 4);
        assert_eq!(compact.json(), "[3,7,10,42]");
        let blob = compact.blob();
        assert_eq!((blob[0], blob.len()), (BITMAP, 9 + 5));
        let sparse = IdSet::new(vec![i64::MIN, -5, 7, 1_000_000, i64::MAX]);
        let sparse_blob = sparse.blob();
        assert_eq!((sparse_blob[0], sparse_blob.len()), (SORTED, 1 + 5 * 8));
        for (set, blob) in [(&compact, &blob), (&sparse, &sparse_blob)] {
            for probe in [
                i64::MIN,
                -6,
                -5,
                0,
                2,
                3,
                4,
                7,
                10,
                11,
                42,
                43,
                1_000_000,
                i64::MAX,
            ] {
                assert_eq!(contains(blob, probe), set.0.contains(&probe), "{probe}");
            }
        }
        let empty = IdSet::default().blob();
        assert!(!contains(&empty, 1));
        assert!(!contains(&[], 1));
        assert!(!contains(&[BITMAP, 1], 1), "a cut blob holds nothing");
    }

    #[test]
    fn every_id_of_a_dense_set_is_found_and_no_other() {
        let ids: Vec<i64> = (1..5_000).filter(|i| i % 7 == 0 || i % 11 == 0).collect();
        let set = IdSet::new(ids.clone());
        let blob = set.blob();
        assert_eq!(blob[0], BITMAP);
        for probe in -10..5_010 {
            assert_eq!(contains(&blob, probe), ids.contains(&probe), "{probe}");
        }
    }

    #[test]
    fn the_sql_function_tests_rows_against_a_bound_set() {
        let c = Connection::open_in_memory().unwrap();
        register(&c).unwrap();
        let set = IdSet::new(vec![2, 5]).blob();
        let found: String = c
            .query_row(
                "WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 9)
                 SELECT group_concat(id) FROM n WHERE in_ids(id, ?1)",
                [set],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, "2,5");
        let none: bool = c
            .query_row("SELECT in_ids('2', x'0002')", [], |r| r.get(0))
            .unwrap();
        assert!(!none);
    }
}
