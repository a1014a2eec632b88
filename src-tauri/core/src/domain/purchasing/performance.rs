//! A supplier's delivery performance, computed from what was received, never typed: per year of
//! delivery, how many deliveries came on or before the date the order asked for.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One year of a supplier's deliveries (receipts not reversed, on orders that named a delivery
/// date; a delivery against an order without one cannot be early or late).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeliveryYear {
    pub year: i32,
    pub deliveries: i64,
    pub on_time: i64,
    /// On-time share in basis points (9_500 = 95 %); none without deliveries.
    pub on_time_bp: Option<i64>,
    /// The average lateness of the late ones, in whole days, rounded up.
    pub late_days_avg: Option<i64>,
}

/// The year's figures from its counts: deliveries, those on time, and the days late summed over
/// the late ones.
pub fn delivery_year(year: i32, deliveries: i64, on_time: i64, late_days: i64) -> DeliveryYear {
    let late = deliveries - on_time;
    DeliveryYear {
        year,
        deliveries,
        on_time,
        on_time_bp: (deliveries > 0).then(|| on_time * 10_000 / deliveries),
        late_days_avg: (late > 0).then(|| (late_days + late - 1) / late),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_down_and_lateness_rounds_up() {
        let y = delivery_year(2026, 3, 2, 5);
        assert_eq!(y.on_time_bp, Some(6_666));
        assert_eq!(y.late_days_avg, Some(5));
        let y = delivery_year(2026, 4, 2, 3);
        assert_eq!(y.late_days_avg, Some(2));
        let all = delivery_year(2025, 2, 2, 0);
        assert_eq!(all.on_time_bp, Some(10_000));
        assert_eq!(all.late_days_avg, None);
    }
}
