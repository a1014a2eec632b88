//! A network scan read against the inventory, and the changes a person accepts from it one at a
//! time. Reading a scan changes nothing.

use crate::domain::ipam::Difference;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ScanReview {
    pub file_name: String,
    /// Hosts nmap found up, and down.
    pub hosts_up: i64,
    pub hosts_down: i64,
    /// The inventory's subnets the scan reached (holding at least one host found up): only
    /// their devices can be "not seen".
    pub scanned_subnets: Vec<String>,
    pub differences: Vec<Difference>,
    /// Differences left out beyond the first `MAX_DIFFERENCES`.
    pub more: i64,
}

/// One difference accepted: what to write.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScanAccept {
    /// A host found that the inventory lacks: a new asset with its interface.
    CreateAsset {
        category_id: i64,
        tag: String,
        name: String,
        manufacturer: Option<String>,
        ip: String,
        mac: Option<String>,
        hostname: Option<String>,
    },
    SetMac {
        interface_id: i64,
        mac: String,
    },
    SetHostname {
        interface_id: i64,
        hostname: String,
    },
    MoveIp {
        interface_id: i64,
        ip: String,
    },
    /// A device not seen: its address is given up (the asset stays).
    RemoveInterface {
        interface_id: i64,
    },
}
