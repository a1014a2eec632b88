use super::shop;
use backoffice_core::domain::assets::network::{InterfaceInput, LinkInput, SubnetInput, VlanInput};
use backoffice_core::error::ErrorCode;

fn subnet(site: i64, cidr: &str) -> SubnetInput {
    SubnetInput {
        site_id: site,
        vlan_id: None,
        cidr: cidr.into(),
        name: "Uffici".into(),
        gateway: None,
        dhcp_start: None,
        dhcp_end: None,
        dns: None,
        notes: None,
    }
}

fn nic(asset: i64, subnet: Option<i64>, ip: Option<&str>, mac: Option<&str>) -> InterfaceInput {
    InterfaceInput {
        asset_id: asset,
        subnet_id: subnet,
        name: Some("eth0".into()),
        ip: ip.map(Into::into),
        mac: mac.map(Into::into),
        hostname: None,
    }
}

fn codes(e: &backoffice_core::Error) -> Vec<String> {
    e.fields
        .iter()
        .map(|f| format!("{}:{}", f.field, f.code))
        .collect()
}

#[test]
fn subnets_are_checked_and_never_overlap_in_a_site() {
    let s = shop();
    let app = &s.o.t.app;
    let before = s.o.t.count("SELECT count(*) FROM changes");
    // Host bits set: refused, with the network to use instead.
    let e = app
        .save_subnet(&s.it, None, 0, &subnet(s.site, "192.168.1.7/24"))
        .unwrap_err();
    assert_eq!(codes(&e), ["cidr:host_bits_set"]);
    assert_eq!(e.fields[0].params["suggestion"], "192.168.1.0/24");
    let e = app
        .save_subnet(&s.it, None, 0, &subnet(s.site, "10.0.0.0/33"))
        .unwrap_err();
    assert_eq!(codes(&e), ["cidr:prefix_out_of_range"]);
    let mut bad = subnet(s.site, "192.168.1.0/24");
    bad.gateway = Some("192.168.2.1".into());
    bad.dhcp_start = Some("192.168.1.200".into());
    bad.dhcp_end = Some("192.168.1.100".into());
    bad.dns = Some("1.1.1.1, 8.8.8.x".into());
    let e = app.save_subnet(&s.it, None, 0, &bad).unwrap_err();
    let mut got = codes(&e);
    got.sort();
    assert!(
        got.iter().any(|c| c.ends_with(":range_reversed")),
        "{got:?}"
    );
    assert!(got.contains(&"dns:invalid_ip".to_owned()), "{got:?}");
    assert!(
        got.contains(&"gateway:outside_subnet".to_owned()),
        "{got:?}"
    );
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), before);
    // A good one, then one that overlaps it (either way round) is refused; IPv6 beside it is not.
    let mut good = subnet(s.site, "192.168.1.0/24");
    good.gateway = Some("192.168.1.1".into());
    let lan = app.save_subnet(&s.it, None, 0, &good).unwrap();
    assert_eq!(lan.usable, "254");
    for cidr in ["192.168.0.0/16", "192.168.1.128/25"] {
        let e = app
            .save_subnet(&s.it, None, 0, &subnet(s.site, cidr))
            .unwrap_err();
        assert_eq!(codes(&e), ["cidr:overlaps"], "{cidr}");
        assert_eq!(e.fields[0].params["other"], "192.168.1.0/24");
    }
    app.save_subnet(&s.it, None, 0, &subnet(s.site, "2001:db8:1::/64"))
        .unwrap();
    // The same range in another site is another network.
    let other = app
        .create_location(
            &s.it,
            &backoffice_core::domain::assets::catalog::LocationInput {
                parent_id: None,
                kind: backoffice_core::domain::assets::catalog::LocationKind::Site,
                name: "Filiale di Torino".into(),
                address: None,
            },
        )
        .unwrap();
    app.save_subnet(&s.it, None, 0, &subnet(other.id, "192.168.1.0/24"))
        .unwrap();
    // VLAN ids are 1–4094 and unique per site.
    let vlan = |n: i64| VlanInput {
        site_id: s.site,
        number: n,
        name: "Voce".into(),
        notes: None,
    };
    assert_eq!(
        codes(&app.save_vlan(&s.it, None, 0, &vlan(4095)).unwrap_err()),
        ["number:out_of_range"]
    );
    app.save_vlan(&s.it, None, 0, &vlan(20)).unwrap();
    assert_eq!(
        codes(&app.save_vlan(&s.it, None, 0, &vlan(20)).unwrap_err()),
        ["number:duplicate"]
    );
}

#[test]
fn addresses_are_unique_inside_their_subnet_and_macs_are_normalised() {
    let s = shop();
    let app = &s.o.t.app;
    let mut input = subnet(s.site, "192.168.10.0/24");
    input.gateway = Some("192.168.10.1".into());
    input.dhcp_start = Some("192.168.10.100".into());
    input.dhcp_end = Some("192.168.10.199".into());
    let lan = app.save_subnet(&s.it, None, 0, &input).unwrap();
    let pc = s.asset("NB-00001", "Portatile");
    let printer = s.asset("NB-00002", "Stampante");
    // The gateway is skipped: the next free is .2.
    assert_eq!(
        app.next_free_address(&s.it, lan.id).unwrap().as_deref(),
        Some("192.168.10.2")
    );
    let n = app
        .save_interface(
            &s.it,
            None,
            0,
            &nic(
                pc.id,
                Some(lan.id),
                Some("192.168.10.2"),
                Some("aa-bb-cc-dd-ee-ff"),
            ),
        )
        .unwrap();
    assert_eq!(n.mac.as_deref(), Some("AA:BB:CC:DD:EE:FF"));
    assert_eq!(
        app.next_free_address(&s.it, lan.id).unwrap().as_deref(),
        Some("192.168.10.3")
    );
    let bad = |ip: Option<&str>, mac: Option<&str>| {
        let e = app
            .save_interface(&s.it, None, 0, &nic(printer.id, Some(lan.id), ip, mac))
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        codes(&e)
    };
    assert_eq!(bad(Some("192.168.10.2"), None), ["ip:ip_in_use"]);
    assert_eq!(bad(Some("192.168.11.5"), None), ["ip:outside_subnet"]);
    assert_eq!(bad(Some("192.168.10.0"), None), ["ip:not_a_host"]);
    assert_eq!(bad(Some("192.168.10.255"), None), ["ip:not_a_host"]);
    // The same card in Cisco notation is the same MAC.
    assert_eq!(
        bad(Some("192.168.10.3"), Some("aabb.ccdd.eeff")),
        ["mac:mac_in_use"]
    );
    assert_eq!(
        bad(Some("192.168.10.3"), Some("aa:bb-cc:dd:ee:ff")),
        ["mac:invalid_mac"]
    );
    assert_eq!(
        bad(Some("192.168.10.3"), Some("ff:ff:ff:ff:ff:ff")),
        ["mac:mac_not_device"]
    );
    // The page of addresses: used ones in order, the free runs around the DHCP pool.
    let page = app.subnet_addresses(&s.it, lan.id, 0, 50).unwrap();
    assert_eq!(page.used_total, 1);
    assert_eq!(page.next_free.as_deref(), Some("192.168.10.3"));
    let runs: Vec<_> = page
        .free_runs
        .iter()
        .map(|r| format!("{}-{} {}", r.first, r.last, r.count))
        .collect();
    assert_eq!(
        runs,
        [
            "192.168.10.3-192.168.10.99 97",
            "192.168.10.200-192.168.10.254 55"
        ]
    );
    // Fill up to the pool: the next free jumps past it.
    for i in 3..=99 {
        let tag = format!("PC-{i:05}");
        let a = s.asset(&tag, "Fisso");
        app.save_interface(
            &s.it,
            None,
            0,
            &nic(a.id, Some(lan.id), Some(&format!("192.168.10.{i}")), None),
        )
        .unwrap();
    }
    assert_eq!(
        app.next_free_address(&s.it, lan.id).unwrap().as_deref(),
        Some("192.168.10.200")
    );
    // A cable between two devices, one per port.
    let link = |from_port: &str| LinkInput {
        from_asset_id: pc.id,
        from_port: Some(from_port.into()),
        to_asset_id: printer.id,
        to_port: Some("Gi1/0/24".into()),
        notes: None,
    };
    app.add_network_link(&s.it, &link("eth0")).unwrap();
    let e = app.add_network_link(&s.it, &link("eth1")).unwrap_err();
    assert_eq!(codes(&e), ["to_port:port_in_use"]);
    let map = app.network_map(&s.it, s.site).unwrap();
    assert_eq!(map.subnets.len(), 1);
    assert_eq!(map.devices.len(), 98);
    assert_eq!(map.links.len(), 1);
    // Only those who see the whole inventory read networks.
    assert_eq!(
        app.network_map(&s.viewer, s.site).unwrap_err().code,
        ErrorCode::Forbidden
    );
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}
