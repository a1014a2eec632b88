//! The IT area's network rules: subnets, free addresses, MAC addresses, nmap scans, and a scan
//! compared with the inventory.

mod cidr;
mod free;
mod mac;
mod nmap;
mod nmap_hostile;
mod reconcile;
