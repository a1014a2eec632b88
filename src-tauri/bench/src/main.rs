use backoffice_bench::{import_bench, stats};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let work = std::env::temp_dir().join("backoffice-bench-b1");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let (f, _) = import_bench::run(n, runs, 42, &work);
    for (name, s) in [
        ("import", &f.import),
        ("validate", &f.validate),
        ("bare", &f.bare),
        ("schema", &f.schema),
        ("schema+search", &f.schema_search),
        ("schema+search+history", &f.schema_search_history),
    ] {
        println!(
            "{name:24} {:>10} {:>10}",
            stats::fmt(s.median()),
            stats::fmt(s.p95())
        );
    }
}
