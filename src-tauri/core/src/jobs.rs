//! Long jobs (imports, large exports, full verifications) run on their own thread; the UI polls
//! their progress and may cancel them. Nothing here knows what the job does. A job belongs to the
//! person who started it: only their signed-in session sees or cancels it.

use crate::error::{Error, ErrorCode};
use crate::services::Ctx;
use serde::Serialize;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use ts_rs::TS;

/// What the UI sees of a job.
#[derive(Debug, Clone, Serialize, TS)]
pub struct JobStatus {
    pub id: i64,
    pub done: i64,
    pub total: i64,
    pub finished: bool,
    pub cancelled: bool,
    /// The job's result once finished successfully (its shape depends on the job).
    #[ts(type = "unknown")]
    pub result: Option<serde_json::Value>,
    pub error: Option<Error>,
}

struct Job {
    owner: i64,
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
    outcome: Mutex<Option<Result<serde_json::Value, Error>>>,
}

/// Finished jobs are kept until read once more after finishing, so a slow poll still sees the result.
#[derive(Default)]
pub struct Jobs {
    next: AtomicU64,
    jobs: Mutex<HashMap<u64, Arc<Job>>>,
}

impl Jobs {
    /// Starts `work` on a new thread. `work` gets a progress function to call with (done, total);
    /// it returns false once the person asked to cancel, and the job should then stop and return
    /// an error (a transaction in progress rolls back). A panic in `work` ends the job as failed
    /// with an internal error, so the UI polling it stops instead of waiting forever.
    pub fn start<F>(&self, ctx: &Ctx, work: F) -> i64
    where
        F: FnOnce(&mut dyn FnMut(u64, u64) -> bool) -> Result<serde_json::Value, Error>
            + Send
            + 'static,
    {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let job = Arc::new(Job {
            owner: ctx.user_id,
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            cancel: AtomicBool::new(false),
            outcome: Mutex::new(None),
        });
        self.lock().insert(id, Arc::clone(&job));
        std::thread::spawn(move || {
            let mut progress = |done: u64, total: u64| {
                job.done.store(done, Ordering::Relaxed);
                job.total.store(total, Ordering::Relaxed);
                !job.cancel.load(Ordering::Relaxed)
            };
            // Unwind safety: after a panic the job's own state is only read for its outcome,
            // and a write transaction it held has rolled back when its guard was dropped.
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| work(&mut progress)))
                .unwrap_or_else(|panic| Err(panicked(panic.as_ref())));
            *job.outcome.lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
        });
        id as i64
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Job>>> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The job `id` if `ctx` started it; someone else's job is as unknown as a missing one.
    fn job(&self, ctx: &Ctx, id: i64) -> Result<Arc<Job>, Error> {
        self.lock()
            .get(&(id as u64))
            .filter(|j| j.owner == ctx.user_id)
            .cloned()
            .ok_or_else(|| Error::not_found("job"))
    }

    pub fn status(&self, ctx: &Ctx, id: i64) -> Result<JobStatus, Error> {
        let key = id as u64;
        let job = self.job(ctx, id)?;
        let outcome = job
            .outcome
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let finished = outcome.is_some();
        if finished {
            // Delivered: forget it.
            self.lock().remove(&key);
        }
        let (result, error) = match outcome {
            Some(Ok(v)) => (Some(v), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        Ok(JobStatus {
            id,
            done: job.done.load(Ordering::Relaxed) as i64,
            total: job.total.load(Ordering::Relaxed) as i64,
            finished,
            cancelled: error
                .as_ref()
                .is_some_and(|e| e.code == ErrorCode::Cancelled),
            result,
            error,
        })
    }

    pub fn cancel(&self, ctx: &Ctx, id: i64) -> Result<(), Error> {
        let job = self.job(ctx, id)?;
        job.cancel.store(true, Ordering::Relaxed);
        Ok(())
    }
}

/// The internal error a panicking job ends with, carrying the panic's text when it has one.
fn panicked(panic: &(dyn std::any::Any + Send)) -> Error {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    Error::internal(format!("the job stopped unexpectedly: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn me() -> Ctx {
        Ctx::new(1, "me", vec![])
    }

    fn wait(jobs: &Jobs, id: i64) -> JobStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = jobs.status(&me(), id).unwrap();
            if s.finished || Instant::now() > deadline {
                return s;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn reports_progress_and_result() {
        let jobs = Jobs::default();
        let id = jobs.start(&me(), |p| {
            for i in 0..=10 {
                p(i, 10);
            }
            Ok(serde_json::json!({ "rows": 10 }))
        });
        let s = wait(&jobs, id);
        assert!(s.finished && !s.cancelled);
        assert_eq!((s.done, s.total), (10, 10));
        assert_eq!(s.result.unwrap()["rows"], 10);
        assert_eq!(
            jobs.status(&me(), id).unwrap_err().code,
            ErrorCode::NotFound
        );
    }

    #[test]
    fn cancel_reaches_the_job() {
        let jobs = Jobs::default();
        let id = jobs.start(&me(), |p| {
            let mut i = 0;
            while p(i, 1_000_000) {
                i += 1;
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(Error::new(ErrorCode::Cancelled, "stopped"))
        });
        jobs.cancel(&me(), id).unwrap();
        let s = wait(&jobs, id);
        assert!(s.finished && s.cancelled);
    }
}
