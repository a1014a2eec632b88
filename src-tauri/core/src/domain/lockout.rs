//! How long a username must wait after repeated wrong passwords.

use chrono::Duration;

/// Failures in a row that are free; the next ones start the waiting.
pub const FREE_ATTEMPTS: u32 = 4;
const FIRST_WAIT_SECONDS: i64 = 30;
const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// The wait imposed after `failures` wrong passwords in a row: none for the first four, then 30 s
/// after the fifth, doubling with each further failure, at most 15 minutes.
pub fn wait_after(failures: u32) -> Option<Duration> {
    if failures <= FREE_ATTEMPTS {
        return None;
    }
    let doublings = (failures - FREE_ATTEMPTS - 1).min(10);
    Some(Duration::seconds(
        (FIRST_WAIT_SECONDS << doublings).min(MAX_WAIT_SECONDS),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_then_caps() {
        assert_eq!(wait_after(4), None);
        assert_eq!(wait_after(5), Some(Duration::seconds(30)));
        assert_eq!(wait_after(6), Some(Duration::seconds(60)));
        assert_eq!(wait_after(7), Some(Duration::seconds(120)));
        assert_eq!(wait_after(10), Some(Duration::seconds(900)));
        assert_eq!(wait_after(1000), Some(Duration::seconds(900)));
    }
}
