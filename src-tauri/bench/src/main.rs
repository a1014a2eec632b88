//! `backoffice-bench`: the data generator, the benchmark suite and the crash-safety writer.
//! Run `backoffice-bench help` for the commands.

use backoffice_bench::crash_restore::Step;
use backoffice_bench::generate::{self, Options};
use backoffice_bench::{crash, crash_backup, crash_encrypt, crash_restore, suite};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
backoffice-bench: Backoffice measured at real sizes

  generate --employees N --scale S --seed N --data-dir DIR [--as-of YYYY-MM-DD] [--orders N]
      Writes a realistic Italian company into DIR (a new directory) through the real store:
      N employees and S records in total (employees + documents + training; 1m = 1,000,000),
      each with its history row and search entry, and N purchase orders over four years
      (default 100,000: 5,000 suppliers, 600,000 lines, receipts and invoices; 0 for none).
      Prints the administrator's sign-in.

  run --data-dir DIR [--generate] [--runs N] [--import-rows N] [--app BINARY] [--app-runs N]
      [--blank-app BINARY] [--only b1|b6|b8|b9|b11] [--work-dir DIR]
      The benchmark suite on a generated DIR (left unchanged: it works on a copy); prints one
      table. --generate first generates DIR when it holds no database (same options and defaults
      as generate). --app measures the real app window too (needs a display: run under
      xvfb-run); --seed must then be the generator's, for the administrator's password.
      --blank-app names the same shell built around a blank page (scripts/build-blank-shell.sh):
      its idle memory is B6's baseline.
      --only b1 runs the import figures alone (they use fresh data dirs, so --data-dir is not
      needed); --only b6 runs the memory figures alone (needs --app; --blank-app gives them
      their baseline); --only b8 runs the audit figures alone (B8), --only b9 the IT
      inventory's (B9), --only b11 purchasing's (B10 and B11; with --in-place it measures on
      DIR itself, which keeps the invoices it imports: for a disk without room for a copy).
      --work-dir DIR puts the
      scratch files there (default: the system temp dir).

  crash-writer --data-dir DIR --seed N
      Writes employees through the real store and prints each committed id, until killed.

  crash-test --runs N [--seed N] [--data-dir DIR] [--fresh-every N] [--mode writes|backup|restore|encrypt]
      Starts the crash writer, kills it with SIGKILL at random moments N times, and checks the
      file after each kill; moves on to a new file every N kills (default 100, backup 25,
      0 = never).
      --mode backup kills a child that backs up in a loop while the writer writes (then checks
      the data, every listed set, and that the next backup succeeds); --mode restore kills a
      child N times while it stages a restore and N times while the next start applies it
      (then checks the data is wholly the old or wholly the restored, the old kept).

  crash-backup-child --data-dir DIR --backup-dir DIR --seed N
  crash-restore-child --step stage|apply --data-dir DIR --backup-dir DIR --set NAME
  crash-encrypt-child --step encrypt|seal|decrypt --data-dir DIR
      The children the crash test kills.
";

fn args() -> (String, HashMap<String, String>) {
    let mut it = std::env::args().skip(1).peekable();
    let cmd = it.next().unwrap_or_else(|| "help".into());
    let mut opts = HashMap::new();
    while let Some(a) = it.next() {
        if let Some(k) = a.strip_prefix("--") {
            let (k, v) = match k.split_once('=') {
                Some((k, v)) => (k.to_owned(), v.to_owned()),
                // A flag without a value (`--generate`) is followed by the next option.
                None => match it.next_if(|next| !next.starts_with("--")) {
                    Some(v) => (k.to_owned(), v),
                    None => (k.to_owned(), String::new()),
                },
            };
            opts.insert(k, v);
        }
    }
    (cmd, opts)
}

fn need<'a>(opts: &'a HashMap<String, String>, key: &str) -> Result<&'a str, String> {
    opts.get(key)
        .map(String::as_str)
        .ok_or_else(|| format!("--{key} is required"))
}

fn number(opts: &HashMap<String, String>, key: &str, default: u64) -> Result<u64, String> {
    match opts.get(key) {
        None => Ok(default),
        Some(v) => v
            .replace('_', "")
            .parse()
            .map_err(|_| format!("--{key}: not a number: {v}")),
    }
}

fn generate_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    let s = generate_into(opts)?;
    print!("{s}");
    Ok(())
}

/// Generates as `generate` does and returns the summary to print.
fn generate_into(opts: &HashMap<String, String>) -> Result<String, String> {
    let employees = number(opts, "employees", 100_000)? as usize;
    let records = generate::parse_scale(opts.get("scale").map_or("1m", String::as_str))
        .ok_or("--scale: expected e.g. 1m, 250k or 1000000")?;
    let as_of = match opts.get("as-of") {
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|e| format!("--as-of: {e}"))?,
        None => NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date"),
    };
    let o = Options {
        employees,
        records,
        seed: number(opts, "seed", 42)?,
        data_dir: PathBuf::from(need(opts, "data-dir")?),
        as_of,
        orders: number(opts, "orders", 100_000)? as usize,
    };
    eprintln!(
        "generating {} employees, {} records, seed {}, into {}",
        o.employees,
        o.records,
        o.seed,
        o.data_dir.display()
    );
    let s = generate::generate(&o, &mut |m| eprintln!("  {m}")).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let mut line = |l: String| {
        out.push_str(&l);
        out.push('\n');
    };
    line(format!("data dir:      {}", o.data_dir.display()));
    line(format!(
        "records:       {} (employees {} of which {} terminated, documents {}, training {}, departments {}, requirements {})",
        s.records(),
        s.employees,
        s.terminated,
        s.documents,
        s.training,
        s.departments,
        s.requirements
    ));
    line(format!("history rows:  {}", s.changes));
    line(format!(
        "purchasing:    {} suppliers, {} orders with {} lines, {} receipts, {} invoices",
        s.suppliers, s.orders, s.order_lines, s.receipts, s.invoices
    ));
    line(format!("accounts:      {}", s.users));
    line(format!(
        "file size:     {:.0} MB",
        s.file_bytes as f64 / 1e6
    ));
    line(format!("time:          {:.1} s", s.seconds));
    line(format!(
        "sign in as:    {} / {}",
        s.admin_username, s.admin_password
    ));
    Ok(out)
}

fn run_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    let only = opts.get("only").map(|v| v.to_ascii_lowercase());
    let (only_b1, only_b6) = match only.as_deref() {
        None | Some("b8") | Some("b9") | Some("b11") => (false, false),
        Some("b1") => (true, false),
        Some("b6") if opts.contains_key("app") => (false, true),
        Some("b6") => return Err("--only b6 measures the app: --app is required".into()),
        Some(other) => {
            return Err(format!(
                "--only: expected b1, b6, b8, b9 or b11, not {other}"
            ))
        }
    };
    let only_b8 = only.as_deref() == Some("b8");
    let only_b9 = only.as_deref() == Some("b9");
    let only_b11 = only.as_deref() == Some("b11");
    let data_dir = PathBuf::from(match (only_b1, opts.get("data-dir")) {
        (_, Some(d)) => d.as_str(),
        (true, None) => "",
        (false, None) => need(opts, "data-dir")?,
    });
    if !only_b1 && !data_dir.join(backoffice_core::store::DB_FILE_NAME).exists() {
        if !opts.contains_key("generate") {
            return Err(format!(
                "{} holds no database: run `backoffice-bench generate` first (or add --generate)",
                data_dir.display()
            ));
        }
        // The table alone goes to standard output.
        eprint!("{}", generate_into(opts)?);
    }
    let work = match opts.get("work-dir") {
        Some(w) => PathBuf::from(w),
        None => std::env::temp_dir().join(format!("backoffice-bench-{}", std::process::id())),
    };
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let o = suite::Options {
        data_dir,
        runs: number(opts, "runs", 5)? as usize,
        import_rows: number(opts, "import-rows", 100_000)? as usize,
        seed: number(opts, "seed", 42)?,
        work: work.clone(),
        app: opts.get("app").map(PathBuf::from),
        app_runs: number(opts, "app-runs", 5)? as usize,
        blank_app: opts.get("blank-app").map(PathBuf::from),
    };
    let started = std::time::Instant::now();
    let rows = if only_b1 {
        Ok(suite::b1_rows(&o, &mut |m| eprintln!("  {m}")))
    } else if only_b6 {
        suite::b6_rows(&o, &mut |m| eprintln!("  {m}"))
    } else if only_b11 {
        let in_place = opts.contains_key("in-place");
        backoffice_bench::purchase_bench::only(&o, in_place, &mut |m| eprintln!("  {m}"))
    } else if only_b9 {
        backoffice_bench::asset_bench::only(&o, &mut |m| eprintln!("  {m}"))
    } else if only_b8 {
        backoffice_bench::audit_bench::only(&o, &mut |m| eprintln!("  {m}"))
    } else {
        suite::run(&o, &mut |m| eprintln!("  {m}"))
    };
    let _ = std::fs::remove_dir_all(&work);
    let rows = rows.map_err(|e| e.to_string())?;
    println!("{}", suite::table(&rows));
    eprintln!("suite: {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn crash_writer_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    let dir = PathBuf::from(need(opts, "data-dir")?);
    crash::writer(&dir, number(opts, "seed", 1)?).map_err(|e| e.to_string())
}

fn crash_backup_child_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    crash_backup::child(
        &PathBuf::from(need(opts, "data-dir")?),
        &PathBuf::from(need(opts, "backup-dir")?),
        number(opts, "seed", 1)?,
    )
    .map_err(|e| e.to_string())
}

fn crash_restore_child_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    let step = Step::parse(need(opts, "step")?).ok_or("--step: expected stage or apply")?;
    crash_restore::child(
        step,
        &PathBuf::from(need(opts, "data-dir")?),
        &PathBuf::from(need(opts, "backup-dir")?),
        need(opts, "set")?,
    )
    .map_err(|e| e.to_string())
}

fn crash_encrypt_child_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    let step = crash_encrypt::Step::parse(need(opts, "step")?)
        .ok_or("--step: expected encrypt, seal or decrypt")?;
    crash_encrypt::child(step, &PathBuf::from(need(opts, "data-dir")?)).map_err(|e| e.to_string())
}

/// `crash-test --mode encrypt`: kills in each of the three steps.
fn encrypt_mode(
    binary: &std::path::Path,
    dir: &std::path::Path,
    kills: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Result<(), String> {
    use crash_encrypt::Step as E;
    for step in [E::Encrypt, E::Seal, E::Decrypt] {
        let r = crash_encrypt::run(binary, &dir.join(step.name()), step, kills, seed, log)?;
        println!(
            "encryption crash test ({}) passed: {} SIGKILLs, {} inside the step; next start held the data plain {} times and encrypted {} times, whole each time; {:?}; {:.0} s",
            step.name(),
            r.kills,
            r.kills_inside,
            r.held_plain,
            r.held_encrypted,
            r.states,
            r.seconds
        );
    }
    Ok(())
}

fn crash_test_cmd(opts: &HashMap<String, String>) -> Result<(), String> {
    let mode = opts.get("mode").map_or("writes", String::as_str);
    if !matches!(mode, "writes" | "backup" | "restore" | "encrypt") {
        return Err(format!(
            "--mode: expected writes, backup, restore or encrypt, not {mode}"
        ));
    }
    let kills = number(opts, "runs", 1000)? as usize;
    let seed = number(opts, "seed", 42)?;
    let (dir, temp) = match opts.get("data-dir") {
        Some(d) => (PathBuf::from(d), false),
        None => (
            std::env::temp_dir().join(format!("backoffice-crash-{}", std::process::id())),
            true,
        ),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let binary = std::env::current_exe().map_err(|e| e.to_string())?;
    eprintln!(
        "crash test ({mode}): {kills} kills, seed {seed}, data dir {}",
        dir.display()
    );
    // The backup child writes from two threads and each kill waits for whole backups, so its
    // folder grows several times faster than the writer's alone.
    let fresh_default = if mode == "backup" { 25 } else { 100 };
    let fresh_every = number(opts, "fresh-every", fresh_default)? as usize;
    if mode != "writes" {
        let r = other_modes(mode, &binary, &dir, kills, fresh_every, seed);
        if temp && r.is_ok() {
            let _ = std::fs::remove_dir_all(&dir);
        }
        return r;
    }
    let r = crash::run(&binary, &dir, kills, fresh_every, seed, &mut |m| {
        eprintln!("  {m}")
    });
    if temp && r.is_ok() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let r = r?;
    println!(
        "crash test passed: {} SIGKILLs on {} files ({} during a write transaction, {} before the writer's first commit), {} committed writes reported and all found, last file {} employees and {} history rows verified, {:.0} s",
        r.kills, r.files, r.kills_during_a_write, r.kills_before_first_commit, r.committed_lines, r.employees, r.changes, r.seconds
    );
    Ok(())
}

/// `crash-test --mode backup` and `--mode restore`: their runs and the lines they print.
fn other_modes(
    mode: &str,
    binary: &std::path::Path,
    dir: &std::path::Path,
    kills: usize,
    fresh_every: usize,
    seed: u64,
) -> Result<(), String> {
    let log = &mut |m: &str| eprintln!("  {m}");
    if mode == "backup" {
        let r = crash_backup::run(binary, &dir.join("backup"), kills, fresh_every, seed, log)?;
        println!(
            "backup crash test passed: {} SIGKILLs ({} during a backup, {} left an unfinished set), {} backups finished by the child, {} listed sets checked after the kills, every next backup succeeded and cleared the leftovers, {} committed writes reported and all found, {:.0} s",
            r.kills, r.kills_during_a_backup, r.partial_sets_left, r.backups_made, r.sets_checked, r.committed_lines, r.seconds
        );
        return Ok(());
    }
    if mode == "encrypt" {
        return encrypt_mode(binary, dir, kills, seed, log);
    }
    for step in [Step::Stage, Step::Apply] {
        let r = crash_restore::run(
            binary,
            &dir.join(format!("{step:?}")),
            step,
            kills,
            seed,
            log,
        )?;
        println!(
            "restore crash test ({:?}) passed: {} SIGKILLs, {} inside the {}; next open held the old data {} times and the restored set {} times, never a mix, the old data kept whole; {:?}; {:.0} s",
            r.step,
            r.kills,
            r.kills_inside,
            match step {
                Step::Stage => "copy into restore-pending",
                Step::Apply => "swap at open",
            },
            r.held_old,
            r.held_restored,
            r.states,
            r.seconds
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let (cmd, opts) = args();
    let result = match cmd.as_str() {
        "generate" => generate_cmd(&opts),
        "run" => run_cmd(&opts),
        "crash-writer" => crash_writer_cmd(&opts),
        "crash-test" => crash_test_cmd(&opts),
        "crash-backup-child" => crash_backup_child_cmd(&opts),
        "crash-restore-child" => crash_restore_child_cmd(&opts),
        "crash-encrypt-child" => crash_encrypt_child_cmd(&opts),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown command {other}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("backoffice-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
