//! Median and 95th percentile of repeated measurements, and how they are printed.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct Samples(Vec<Duration>);

impl From<Vec<Duration>> for Samples {
    fn from(v: Vec<Duration>) -> Self {
        Samples(v)
    }
}

impl Samples {
    pub fn push(&mut self, d: Duration) {
        self.0.push(d);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn extend(&mut self, other: &Samples) {
        self.0.extend_from_slice(&other.0);
    }

    pub fn last(&self) -> Duration {
        self.0.last().copied().unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn sorted(&self) -> Vec<Duration> {
        let mut v = self.0.clone();
        v.sort();
        v
    }

    /// The middle value (the mean of the two middle ones for an even count).
    pub fn median(&self) -> Duration {
        let v = self.sorted();
        match v.len() {
            0 => Duration::ZERO,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2,
        }
    }

    /// Nearest-rank 95th percentile: the smallest value at or above 95 % of the samples (the
    /// largest of fewer than 20).
    pub fn p95(&self) -> Duration {
        let v = self.sorted();
        if v.is_empty() {
            return Duration::ZERO;
        }
        let rank = (v.len() as f64 * 0.95).ceil() as usize;
        v[rank.clamp(1, v.len()) - 1]
    }
}

/// Runs `f` `n` times and keeps each duration.
pub fn repeat(n: usize, mut f: impl FnMut()) -> Samples {
    let mut s = Samples::default();
    for _ in 0..n {
        let t = Instant::now();
        f();
        s.push(t.elapsed());
    }
    s
}

/// "1.23 s", "45.6 ms", "789 µs".
pub fn fmt(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 0.001 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95() {
        let mut s = Samples::default();
        for ms in [5, 1, 4, 2, 3] {
            s.push(Duration::from_millis(ms));
        }
        assert_eq!(s.median(), Duration::from_millis(3));
        assert_eq!(s.p95(), Duration::from_millis(5));
        let mut s = Samples::default();
        for ms in 1..=100 {
            s.push(Duration::from_millis(ms));
        }
        assert_eq!(s.p95(), Duration::from_millis(95));
        assert_eq!(fmt(Duration::from_micros(1500)), "1.5 ms");
    }
}
