use super::shop;
use backoffice_core::domain::assets::network::{InterfaceInput, SubnetInput};
use backoffice_core::domain::assets::scan::ScanAccept;
use backoffice_core::domain::ipam::Difference;
use backoffice_core::error::ErrorCode;
use std::path::PathBuf;

fn file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/core/ipam/files")
        .join(name)
}

fn subnet(site: i64, cidr: &str) -> SubnetInput {
    SubnetInput {
        site_id: site,
        vlan_id: None,
        cidr: cidr.into(),
        name: cidr.into(),
        gateway: None,
        dhcp_start: None,
        dhcp_end: None,
        dns: None,
        notes: None,
    }
}

fn kinds(ds: &[Difference]) -> Vec<String> {
    let mut k: Vec<String> = ds
        .iter()
        .map(|d| {
            serde_json::to_value(d).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    k.sort();
    k
}

#[test]
fn a_scan_is_reviewed_without_changes_and_each_difference_accepted_alone() {
    let s = shop();
    let app = &s.o.t.app;
    let lan = app
        .save_subnet(&s.it, None, 0, &subnet(s.site, "192.168.10.0/24"))
        .unwrap();
    let other = app
        .save_subnet(&s.it, None, 0, &subnet(s.site, "10.20.0.0/24"))
        .unwrap();
    let nic = |asset: i64, subnet: i64, ip: &str, mac: Option<&str>, host: &str| InterfaceInput {
        asset_id: asset,
        subnet_id: Some(subnet),
        name: None,
        ip: Some(ip.into()),
        mac: mac.map(Into::into),
        hostname: Some(host.into()),
    };
    let printer = s.asset("PRN-0001", "Stampante piano 2");
    app.save_interface(
        &s.it,
        None,
        0,
        &nic(
            printer.id,
            lan.id,
            "192.168.10.20",
            Some("3c-52-82-11-22-33"),
            "printer-1",
        ),
    )
    .unwrap();
    let gone = s.asset("PC-00030", "Fisso reception");
    app.save_interface(
        &s.it,
        None,
        0,
        &nic(gone.id, lan.id, "192.168.10.30", None, "reception"),
    )
    .unwrap();
    // In a subnet the scan did not reach: never "not seen".
    let far = s.asset("PC-00099", "Fisso magazzino");
    app.save_interface(
        &s.it,
        None,
        0,
        &nic(far.id, other.id, "10.20.0.9", None, "magazzino"),
    )
    .unwrap();

    let changes = s.o.t.count("SELECT count(*) FROM changes");
    let review = app.review_scan(&s.it, &file("office_scan.xml")).unwrap();
    assert_eq!(
        s.o.t.count("SELECT count(*) FROM changes"),
        changes,
        "a review writes nothing"
    );
    assert_eq!(review.scanned_subnets, ["192.168.10.0/24"]);
    assert_eq!(
        kinds(&review.differences),
        ["hostname_changed", "new_host", "not_seen"]
    );

    // Accept the new name and give up the address of the device not seen.
    for d in &review.differences {
        match d {
            Difference::HostnameChanged {
                interface, seen, ..
            } => app
                .accept_scan_change(
                    &s.it,
                    &ScanAccept::SetHostname {
                        interface_id: interface.interface_id,
                        hostname: seen.clone(),
                    },
                )
                .unwrap(),
            Difference::NotSeen { interface, .. } => app
                .accept_scan_change(
                    &s.it,
                    &ScanAccept::RemoveInterface {
                        interface_id: interface.interface_id,
                    },
                )
                .unwrap(),
            Difference::NewHost { host, .. } => {
                // An IPv6 host in no known subnet: refused until the subnet exists.
                let create = ScanAccept::CreateAsset {
                    category_id: s.laptop.id,
                    tag: "NB-00900".into(),
                    name: "files".into(),
                    manufacturer: None,
                    ip: host.ip().unwrap().to_string(),
                    mac: None,
                    hostname: host.hostnames.first().cloned(),
                };
                let e = app.accept_scan_change(&s.it, &create).unwrap_err();
                assert_eq!(e.fields[0].code, "no_subnet");
                assert_eq!(
                    s.o.t
                        .count("SELECT count(*) FROM assets WHERE tag = 'NB-00900'"),
                    0
                );
                app.save_subnet(&s.it, None, 0, &subnet(s.site, "2001:db8:10::/64"))
                    .unwrap();
                app.accept_scan_change(&s.it, &create).unwrap();
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    let again = app.review_scan(&s.it, &file("office_scan.xml")).unwrap();
    assert!(again.differences.is_empty(), "{:?}", again.differences);
    assert_eq!(
        s.o.t
            .count("SELECT count(*) FROM interfaces WHERE hostname = 'printer-2.office.lan'"),
        1
    );
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn files_that_are_not_whole_nmap_scans_are_refused_and_change_nothing() {
    let s = shop();
    let app = &s.o.t.app;
    let changes = s.o.t.count("SELECT count(*) FROM changes");
    for (name, reason) in [
        ("not_nmap.csv", "not_nmap"),
        ("truncated.xml", "nmap_truncated"),
        ("billion_laughs.xml", "nmap_hostile"),
        ("external_entity.xml", "nmap_hostile"),
    ] {
        let e = app.review_scan(&s.it, &file(name)).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadFile, "{name}");
        assert_eq!(e.params["reason"], reason, "{name}");
    }
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), changes);
    // Only IT and administrators review scans.
    let e = app
        .review_scan(&s.o.manager, &file("office_scan.xml"))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}
