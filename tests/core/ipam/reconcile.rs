use backoffice_core::domain::ipam::{
    reconcile, same_hostname, Difference, KnownInterface, Mac, ScanHost, Subnet,
};
use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Instant;

fn mac(s: &str) -> Mac {
    Mac::parse(s).unwrap()
}

fn host(ip: &str, mac_s: Option<&str>, names: &[&str]) -> ScanHost {
    ScanHost {
        ipv4: ip.parse().ok(),
        ipv6: ip.parse().ok(),
        mac: mac_s.map(mac),
        hostnames: names.iter().map(|s| (*s).to_owned()).collect(),
        status_up: true,
        ..ScanHost::default()
    }
}

fn known(id: i64, ip: Option<&str>, mac_s: Option<&str>, name: Option<&str>) -> KnownInterface {
    KnownInterface {
        interface_id: id,
        asset_id: id * 10,
        asset_tag: format!("IT-{id:04}"),
        ip: ip.map(|s| s.parse().unwrap()),
        mac: mac_s.map(mac),
        hostname: name.map(str::to_owned),
    }
}

fn office() -> Vec<Subnet> {
    vec![Subnet::parse("192.168.10.0/24").unwrap()]
}

#[test]
fn a_matching_scan_has_no_differences() {
    let scan = [
        host(
            "192.168.10.20",
            Some("3c:52:82:11:22:33"),
            &["PRINTER-2.office.lan."],
        ),
        host("192.168.10.21", None, &[]),
    ];
    let inv = [
        known(
            1,
            Some("192.168.10.20"),
            Some("3C:52:82:11:22:33"),
            Some("printer-2"),
        ),
        known(2, Some("192.168.10.21"), None, Some("nas")),
    ];
    assert_eq!(reconcile(&scan, &inv, &office()), vec![]);
}

#[test]
fn each_kind_of_difference_is_found() {
    let scan = [
        // New: matches nothing.
        host("192.168.10.99", Some("02:00:00:00:00:99"), &[]),
        // Matched by MAC at another IP, with another name.
        host(
            "192.168.10.50",
            Some("3c:52:82:11:22:33"),
            &["printer-9.office.lan"],
        ),
        // Matched by IP, with another MAC.
        host("192.168.10.21", Some("aa:aa:aa:aa:aa:aa"), &[]),
        // Down hosts are not found.
        ScanHost {
            status_up: false,
            ..host("192.168.10.30", None, &[])
        },
    ];
    let inv = [
        known(
            1,
            Some("192.168.10.20"),
            Some("3C:52:82:11:22:33"),
            Some("printer-2"),
        ),
        known(2, Some("192.168.10.21"), Some("bb:bb:bb:bb:bb:bb"), None),
        known(3, Some("192.168.10.30"), None, None),
        // Outside the scanned range: not reported missing.
        known(4, Some("10.9.9.9"), None, None),
        // No address: cannot be placed in a range.
        known(5, None, Some("cc:cc:cc:cc:cc:cc"), None),
    ];
    let diffs = reconcile(&scan, &inv, &office());
    let keys: Vec<&str> = diffs.iter().map(Difference::key).collect();
    assert_eq!(
        keys,
        vec![
            "new:mac:02:00:00:00:00:99",
            "ip:1:192.168.10.50",
            "hostname:1:printer-9.office.lan",
            "mac:2:AA:AA:AA:AA:AA:AA",
            "not_seen:3",
        ]
    );
    match &diffs[1] {
        Difference::IpChanged {
            interface, seen, ..
        } => {
            assert_eq!(interface.interface_id, 1);
            assert_eq!(*seen, "192.168.10.50".parse::<IpAddr>().unwrap());
        }
        d => panic!("{d:?}"),
    }
    assert!(
        matches!(&diffs[2], Difference::HostnameChanged { seen, .. } if seen == "printer-9.office.lan")
    );
    assert!(
        matches!(&diffs[3], Difference::MacChanged { seen, .. } if *seen == mac("aa:aa:aa:aa:aa:aa"))
    );
    assert!(
        matches!(&diffs[4], Difference::NotSeen { interface, .. } if interface.asset_tag == "IT-0003")
    );
    // The UI receives a tagged object with its key.
    let json = serde_json::to_value(&diffs[3]).unwrap();
    assert_eq!(json["kind"], "mac_changed");
    assert_eq!(json["key"], "mac:2:AA:AA:AA:AA:AA:AA");
    assert_eq!(json["seen"], "AA:AA:AA:AA:AA:AA");
    assert_eq!(json["interface"]["ip"], "192.168.10.21");
}

#[test]
fn mac_wins_over_ip_and_the_ip_owner_is_then_missing() {
    // The laptop (by MAC) took the address recorded for the desk phone.
    let scan = [host("192.168.10.40", Some("02:11:22:33:44:55"), &[])];
    let inv = [
        known(1, Some("192.168.10.40"), Some("02:99:99:99:99:99"), None),
        known(2, Some("192.168.10.41"), Some("02:11:22:33:44:55"), None),
    ];
    let keys: Vec<String> = reconcile(&scan, &inv, &office())
        .iter()
        .map(|d| d.key().to_owned())
        .collect();
    assert_eq!(keys, vec!["ip:2:192.168.10.40", "not_seen:1"]);
}

#[test]
fn new_hosts_without_mac_are_named_by_address_and_unknown_names_are_learnt() {
    let scan = [
        host("192.168.10.77", None, &[]),
        host("192.168.10.21", None, &["nas.office.lan"]),
    ];
    let inv = [known(2, Some("192.168.10.21"), None, None)];
    let keys: Vec<String> = reconcile(&scan, &inv, &[])
        .iter()
        .map(|d| d.key().to_owned())
        .collect();
    assert_eq!(
        keys,
        vec!["new:ip:192.168.10.77", "hostname:2:nas.office.lan"]
    );
}

#[test]
fn hostnames_compare_loosely_where_dns_does() {
    assert!(same_hostname("PC-12", "pc-12.office.lan."));
    assert!(same_hostname("pc-12.office.lan", "PC-12.OFFICE.LAN."));
    assert!(same_hostname("pc-12.office.lan", "pc-12"));
    assert!(!same_hostname("pc-12.office.lan", "pc-12.lab.lan"));
    assert!(!same_hostname("pc-12", "pc-13"));
    assert!(!same_hostname("pc-12", "pc-12x.office.lan"));
}

#[test]
fn ten_thousand_hosts_against_ten_thousand_interfaces() {
    let n = 10_000u32;
    let ip = |i: u32| IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + i));
    let m = |i: u32| {
        let [a, b, c, d] = i.to_be_bytes();
        Mac::from_octets([2, 0, a, b, c, d])
    };
    // Interface i sits at 10.0.x.y = i with MAC m(i) and name pc-i.
    let inv: Vec<KnownInterface> = (1..=n)
        .map(|i| KnownInterface {
            interface_id: i64::from(i),
            asset_id: i64::from(i),
            asset_tag: format!("IT-{i:05}"),
            ip: Some(ip(i)),
            mac: Some(m(i)),
            hostname: Some(format!("pc-{i}")),
        })
        .collect();
    // The scan sees all but the last 100; every 10th moved address by one million; every
    // 7th has a new name; and 500 strangers.
    let mut scan: Vec<ScanHost> = (1..=n - 100)
        .map(|i| ScanHost {
            ipv4: match ip(if i % 10 == 0 { i + 1_000_000 } else { i }) {
                IpAddr::V4(a) => Some(a),
                IpAddr::V6(_) => None,
            },
            mac: Some(m(i)),
            hostnames: vec![if i % 7 == 0 {
                format!("ws-{i}.office.lan")
            } else {
                format!("PC-{i}.office.lan")
            }],
            status_up: true,
            ..ScanHost::default()
        })
        .collect();
    scan.extend((1..=500).map(|i| ScanHost {
        ipv4: Some(Ipv4Addr::from(0x0a10_0000 + i)),
        status_up: true,
        ..ScanHost::default()
    }));
    let scanned = [Subnet::parse("10.0.0.0/8").unwrap()];
    let t = Instant::now();
    let diffs = reconcile(&scan, &inv, &scanned);
    let elapsed = t.elapsed();
    println!(
        "reconcile {} hosts × {} interfaces: {elapsed:?}",
        scan.len(),
        inv.len()
    );
    let count = |f: fn(&Difference) -> bool| diffs.iter().filter(|d| f(d)).count();
    assert_eq!(count(|d| matches!(d, Difference::NotSeen { .. })), 100);
    assert_eq!(count(|d| matches!(d, Difference::NewHost { .. })), 500);
    assert_eq!(count(|d| matches!(d, Difference::IpChanged { .. })), 990);
    assert_eq!(
        count(|d| matches!(d, Difference::HostnameChanged { .. })),
        9_900 / 7
    );
    assert_eq!(count(|d| matches!(d, Difference::MacChanged { .. })), 0);
    let keys: HashSet<&str> = diffs.iter().map(Difference::key).collect();
    assert_eq!(keys.len(), diffs.len(), "keys are unique");
}

#[test]
fn differences_have_typescript_declarations() {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_large_int("number");
    let decl = Difference::decl(&cfg);
    assert!(decl.starts_with("type ScanDifference"), "{decl}");
    for part in [
        "\"kind\": \"new_host\"",
        "\"kind\": \"not_seen\"",
        "\"kind\": \"ip_changed\"",
        "key: string",
    ] {
        assert!(decl.contains(part), "{part} in {decl}");
    }
    assert!(KnownInterface::decl(&cfg).contains("mac: Mac | null"));
    assert_eq!(Mac::inline(&cfg), "string");
}
