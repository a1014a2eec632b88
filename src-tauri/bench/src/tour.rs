//! A short use of the signed-in app for B6's second reading: rounds of staff list, a sort, an
//! employee's file and home, each a click in the page timed until its screen shows. Memory after
//! use is what the window keeps once the person has worked in it (the JavaScript heap's growth,
//! compiled code, caches), which idle-after-sign-in does not show.

use crate::stats::Samples;
use crate::webdriver::Session;
use serde_json::{json, Value};
use std::time::Duration;

/// Rounds of the tour per start.
pub const ROUNDS: usize = 5;

/// How long each step took, click to screen, over every round of every start.
#[derive(Default)]
pub struct Steps {
    pub staff: Samples,
    pub sort: Samples,
    pub employee: Samples,
    pub home: Samples,
}

/// Clicks through the rounds in the page, frame by frame, and returns each step's times (ms).
const TOUR: &str = "
    const [rounds, done] = arguments;
    const now = () => performance.now();
    const shown = (css) => [...document.querySelectorAll(css)].some((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    const until = (ok) => new Promise((resolve, reject) => {
      const start = now();
      const tick = () => {
        if (ok()) resolve();
        else if (now() - start > 20000) reject(new Error('a screen did not show in 20 s'));
        else requestAnimationFrame(tick);
      };
      tick();
    });
    const click = (css) => {
      const e = document.querySelector(css);
      if (!e) throw new Error('nothing matches ' + css);
      e.click();
    };
    const firstRow = () => document.querySelector('[data-testid=staff-row]')?.textContent;
    const steps = { staff: [], sort: [], employee: [], home: [] };
    const step = async (name, act, ok) => {
      const start = now();
      act();
      await until(ok);
      steps[name].push(now() - start);
    };
    (async () => {
      for (let i = 0; i < rounds; i++) {
        await step('staff', () => click('[data-testid=nav-staff]'), () => shown('[data-testid=staff-row]'));
        const before = firstRow();
        await step('sort', () => click('[data-testid^=sort-]'), () => firstRow() !== before);
        await step('employee', () => click('[data-testid=staff-row]'), () => shown('[data-testid=employee-form]'));
        await step('home', () => click('[data-testid=nav-home]'), () => shown('[data-testid=home-organisation-name]'));
      }
      done(steps);
    })().catch((e) => done({ error: String(e) }));";

fn push_ms(into: &mut Samples, v: &Value) {
    for ms in v.as_array().into_iter().flatten().filter_map(Value::as_f64) {
        into.push(Duration::from_micros((ms.max(0.0) * 1e3) as u64));
    }
}

/// Runs the tour in the signed-in window on home; adds its step times to `into`.
pub fn run(session: &Session, into: &mut Steps) -> Result<(), String> {
    let v = session
        .execute_async(TOUR, vec![json!(ROUNDS)])
        .map_err(|e| e.to_string())?;
    if let Some(e) = v.get("error") {
        return Err(format!("tour: {e}"));
    }
    push_ms(&mut into.staff, &v["staff"]);
    push_ms(&mut into.sort, &v["sort"]);
    push_ms(&mut into.employee, &v["employee"]);
    push_ms(&mut into.home, &v["home"]);
    Ok(())
}
