//! Free addresses in a subnet, found by walking the used ones, never the subnet itself: a /16
//! has 65,534 hosts and an IPv6 /64 more than 10¹⁹, so the work and memory depend only on how
//! many addresses are in use.

use super::cidr::Subnet;
use super::ip::{ip_from_key, ip_key, is_sorted};
use crate::error::FieldError;
use std::borrow::Cow;
use std::net::IpAddr;

/// The used addresses as sorted numbers of the subnet's usable range, whatever the caller gave:
/// a slice already sorted (the expected case, as the store returns it) is borrowed; an unsorted
/// one is sorted into a copy rather than giving a wrong answer.
fn sorted_used(used: &[IpAddr]) -> Cow<'_, [IpAddr]> {
    if is_sorted(used) {
        Cow::Borrowed(used)
    } else {
        let mut v = used.to_vec();
        v.sort_unstable();
        Cow::Owned(v)
    }
}

/// The numbers in the usable range, ascending (duplicates possible).
fn usable_numbers<'a>(subnet: &Subnet, used: &'a [IpAddr]) -> impl Iterator<Item = u128> + 'a {
    let (family, lo, hi) = subnet.usable_bounds();
    used.iter()
        .map(|ip| ip_key(*ip))
        .filter(move |(f, n)| *f == family && (lo..=hi).contains(n))
        .map(|(_, n)| n)
}

/// The lowest usable address of `subnet` that is neither in `used` (sorted ascending, as
/// `ip_key` orders) nor in `skip` (the gateway and other reserved addresses, any order).
/// `None` when the subnet is full. Linear in `used`, quadratic only in the few `skip` entries.
pub fn next_free(subnet: &Subnet, used: &[IpAddr], skip: &[IpAddr]) -> Option<IpAddr> {
    let (family, lo, hi) = subnet.usable_bounds();
    let used = sorted_used(used);
    let skip: Vec<u128> = skip
        .iter()
        .map(|ip| ip_key(*ip))
        .filter(|(f, _)| *f == family)
        .map(|(_, n)| n)
        .collect();
    let mut taken = usable_numbers(subnet, &used).peekable();
    let mut candidate = lo;
    // Each step either consumes a used address or passes a skipped one, so it ends after at
    // most len(used) + len(skip) + 1 steps.
    while candidate <= hi {
        while taken.next_if(|n| *n < candidate).is_some() {}
        if taken.peek() == Some(&candidate) || skip.contains(&candidate) {
            candidate = candidate.checked_add(1)?;
            continue;
        }
        return ip_from_key(family, candidate);
    }
    None
}

/// How many usable addresses are left when `used_count` of them are taken.
pub fn free_count(subnet: &Subnet, used_count: u128) -> u128 {
    subnet.usable_count().saturating_sub(used_count)
}

/// A run of consecutive free addresses, for a "free / used" view of a subnet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreeRun {
    pub first: IpAddr,
    pub last: IpAddr,
    pub count: u128,
}

/// The first `limit` runs of free usable addresses between the used ones (sorted ascending).
pub fn free_runs(subnet: &Subnet, used: &[IpAddr], limit: usize) -> Vec<FreeRun> {
    let (family, lo, hi) = subnet.usable_bounds();
    let used = sorted_used(used);
    let mut runs = Vec::new();
    let mut start = Some(lo);
    let push = |first: u128, last: u128, runs: &mut Vec<FreeRun>| {
        if let (Some(a), Some(b)) = (ip_from_key(family, first), ip_from_key(family, last)) {
            runs.push(FreeRun {
                first: a,
                last: b,
                count: (last - first).saturating_add(1),
            });
        }
    };
    for n in usable_numbers(subnet, &used) {
        if runs.len() >= limit {
            return runs;
        }
        match start {
            Some(s) if n > s => {
                push(s, n - 1, &mut runs);
                start = n.checked_add(1);
            }
            Some(s) if n == s => start = n.checked_add(1),
            _ => {}
        }
    }
    if let Some(s) = start {
        if s <= hi && runs.len() < limit {
            push(s, hi, &mut runs);
        }
    }
    runs
}

/// Why a DHCP range is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("the start is not a usable address of the subnet")]
    StartNotUsable,
    #[error("the end is not a usable address of the subnet")]
    EndNotUsable,
    #[error("the start comes after the end")]
    Reversed,
}

impl RangeError {
    /// The refusal as a field error on the `start` or `end` input.
    pub fn field_error(self, start_field: &str, end_field: &str) -> FieldError {
        match self {
            Self::StartNotUsable => FieldError::new(start_field, "not_usable_in_subnet"),
            Self::EndNotUsable => FieldError::new(end_field, "not_usable_in_subnet"),
            Self::Reversed => FieldError::new(end_field, "range_reversed"),
        }
    }
}

/// A DHCP range: both ends usable hosts of the subnet, start not after end.
pub fn check_range(subnet: &Subnet, start: IpAddr, end: IpAddr) -> Result<(), RangeError> {
    if !subnet.is_usable_host(start) {
        return Err(RangeError::StartNotUsable);
    }
    if !subnet.is_usable_host(end) {
        return Err(RangeError::EndNotUsable);
    }
    if ip_key(start) > ip_key(end) {
        return Err(RangeError::Reversed);
    }
    Ok(())
}
