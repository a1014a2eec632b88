//! B7: a backup of the generated company while someone keeps working: how long the backup takes
//! and how large it is, and how long each save takes meanwhile (goal: under 50 ms per save).

use crate::stats::{fmt, Samples};
use crate::suite::Row;
use backoffice_core::backup::rotation::Retention;
use backoffice_core::services::{Backoffice, Ctx};
use std::path::Path;
use std::time::{Duration, Instant};

/// Pause between two saves during the backup: a person at the form, not a loop.
const BETWEEN_SAVES: Duration = Duration::from_millis(200);

pub fn rows(
    app: &Backoffice,
    ctx: &Ctx,
    ids: &[i64],
    work: &Path,
    log: &mut dyn FnMut(&str),
) -> backoffice_core::Result<Vec<Row>> {
    log("B7 a backup while saving");
    let folder = work.join("backup");
    let _ = std::fs::remove_dir_all(&folder);
    let started = Instant::now();
    let (made, saves) = std::thread::scope(|s| {
        let backing_up =
            s.spawn(|| app.back_up(ctx, &folder, Retention::default(), &mut |_, _| true));
        let mut saves = Samples::default();
        let mut k = 0usize;
        while !backing_up.is_finished() {
            let id = ids[k % ids.len()];
            let e = app.employee(ctx, id).expect("employee").employee;
            let mut input = e.to_input();
            input.phone = Some(format!("+39 06 {:07}", 2_000_000 + k));
            let t = Instant::now();
            app.update_employee(ctx, id, e.version, &input)
                .expect("save during the backup");
            saves.push(t.elapsed());
            k += 1;
            std::thread::sleep(BETWEEN_SAVES);
        }
        (backing_up.join(), saves)
    });
    let took = started.elapsed();
    let made = made.map_err(|_| backoffice_core::Error::internal("the backup panicked"))??;
    let mb = (made.manifest.db_size + made.manifest.files_size()) as f64 / 1e6;
    let mut whole = Row::new(
        "B7",
        "backup of the company (database copy, documents, manifest with the history verified)",
    );
    whole.median = fmt(took);
    let mut size = Row::new("B7", "… its size (database and documents)");
    size.median = format!("{mb:.0} MB");
    let _ = std::fs::remove_dir_all(&folder);
    Ok(vec![
        whole,
        size,
        Row::new(
            "B7",
            &format!(
                "… a save while it runs (the employee form, {} saves)",
                saves.len()
            ),
        )
        .timed(&saves, Some(Duration::from_millis(50))),
    ])
}
