//! The IT area's network rules: subnets and addresses, MAC addresses, nmap scans read from
//! their XML output, and a scan compared with the inventory. Pure functions, no I/O.

pub mod cidr;
pub mod free;
pub mod ip;
pub mod mac;
pub mod nmap;
mod nmap_host;
mod nmap_read;
pub mod reconcile;

pub use cidr::{first_overlap, CidrError, Subnet};
pub use free::{check_range, free_count, free_runs, next_free, FreeRun, RangeError};
pub use ip::{ip_from_key, ip_from_sort_key, ip_key, ip_sort_key, parse_ip, IpError};
pub use mac::{Mac, MacError};
pub use nmap::{parse_scan, OpenPort, PortProto, Scan, ScanError, ScanHost, ScanLimits};
pub use reconcile::{reconcile, same_hostname, Difference, KnownInterface};
