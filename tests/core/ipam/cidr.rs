use backoffice_core::domain::ipam::{
    first_overlap, ip_from_sort_key, ip_key, ip_sort_key, parse_ip, CidrError, IpError, Subnet,
};
use std::net::{IpAddr, Ipv4Addr};

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn net(s: &str) -> Subnet {
    Subnet::parse(s).unwrap()
}

#[test]
fn subnets_parse_to_their_canonical_form() {
    assert_eq!(net(" 192.168.1.0/24 ").to_string(), "192.168.1.0/24");
    assert_eq!(net("10.0.0.0/8").to_string(), "10.0.0.0/8");
    assert_eq!(net("192.168.1.7/32").to_string(), "192.168.1.7/32");
    assert_eq!(
        net("2001:0DB8:0000:0000:0000:0000:0000:0000/32").to_string(),
        "2001:db8::/32"
    );
    assert_eq!(net("2001:db8:0:1::/64").to_string(), "2001:db8:0:1::/64");
    assert_eq!(net("fe80::/64").prefix(), 64);
    assert!(net("fe80::/64").broadcast().is_none());
    assert_eq!("172.16.0.0/12".parse::<Subnet>().unwrap().prefix(), 12);
}

#[test]
fn host_bits_set_suggest_the_network() {
    let e = Subnet::parse("192.168.1.7/24").unwrap_err();
    assert_eq!(
        e,
        CidrError::HostBitsSet {
            suggestion: "192.168.1.0/24".into()
        }
    );
    let f = e.field_error("cidr");
    assert_eq!(f.code, "host_bits_set");
    assert_eq!(f.params["suggestion"], "192.168.1.0/24");
    assert_eq!(
        Subnet::parse("2001:db8::1/64").unwrap_err(),
        CidrError::HostBitsSet {
            suggestion: "2001:db8::/64".into()
        }
    );
    assert_eq!(
        Subnet::parse("10.1.2.3/8").unwrap_err(),
        CidrError::HostBitsSet {
            suggestion: "10.0.0.0/8".into()
        }
    );
}

#[test]
fn prefixes_out_of_range_and_too_large_networks_are_refused() {
    assert_eq!(
        Subnet::parse("10.0.0.0/33").unwrap_err(),
        CidrError::PrefixOutOfRange { max: 32 }
    );
    assert_eq!(
        Subnet::parse("2001:db8::/129").unwrap_err(),
        CidrError::PrefixOutOfRange { max: 128 }
    );
    let e = Subnet::parse("10.0.0.0/33")
        .unwrap_err()
        .field_error("cidr");
    assert_eq!(
        (e.code.as_str(), e.params["max"].as_str()),
        ("prefix_out_of_range", "32")
    );
    assert_eq!(
        Subnet::parse("0.0.0.0/0").unwrap_err(),
        CidrError::TooLarge { min: 8 }
    );
    assert_eq!(
        Subnet::parse("8.0.0.0/7").unwrap_err(),
        CidrError::TooLarge { min: 8 }
    );
    assert_eq!(
        Subnet::parse("::/0").unwrap_err(),
        CidrError::TooLarge { min: 16 }
    );
    assert_eq!(
        Subnet::parse("2000::/3").unwrap_err(),
        CidrError::TooLarge { min: 16 }
    );
    assert!(Subnet::parse("2001::/16").is_ok());
}

#[test]
fn garbage_is_not_cidr_and_bad_addresses_say_why() {
    for s in [
        "",
        "192.168.1.0",
        "192.168.1.0/",
        "/24",
        "192.168.1.0/24/1",
        "10.0.0.0/+8",
        "10.0.0.0/ab",
        "10.0.0.0/0008",
    ] {
        let e = Subnet::parse(s).unwrap_err();
        assert!(
            matches!(e, CidrError::NotCidr | CidrError::BadAddress(_)),
            "{s}: {e:?}"
        );
    }
    assert_eq!(
        Subnet::parse("192.168.1.0").unwrap_err(),
        CidrError::NotCidr
    );
    assert_eq!(
        Subnet::parse("192.168.300.0/24").unwrap_err(),
        CidrError::BadAddress(IpError::Invalid)
    );
    assert_eq!(
        Subnet::parse("010.0.0.0/8").unwrap_err(),
        CidrError::BadAddress(IpError::LeadingZeros)
    );
    assert_eq!(Subnet::parse("x/24").unwrap_err().code(), "invalid_ip");
}

#[test]
fn addresses_parse_strictly() {
    assert_eq!(parse_ip("  10.0.0.1 "), Ok(ip("10.0.0.1")));
    assert_eq!(parse_ip("0.0.0.0"), Ok(ip("0.0.0.0")));
    assert_eq!(parse_ip("010.0.0.1"), Err(IpError::LeadingZeros));
    assert_eq!(parse_ip("10.0.0.01"), Err(IpError::LeadingZeros));
    assert_eq!(parse_ip("fe80::1%eth0"), Err(IpError::ZoneId));
    assert_eq!(parse_ip(""), Err(IpError::Empty));
    assert_eq!(parse_ip("10.0.0"), Err(IpError::Invalid));
    assert_eq!(parse_ip("10.0.0.256"), Err(IpError::Invalid));
    assert_eq!(parse_ip("2001:DB8::A"), Ok(ip("2001:db8::a")));
    assert_eq!(parse_ip("2001:db8:::1"), Err(IpError::Invalid));
    assert_eq!(
        parse_ip("::ffff:192.168.1.1").unwrap().to_string(),
        "::ffff:192.168.1.1"
    );
}

#[test]
fn network_broadcast_and_size() {
    let s = net("192.168.1.0/24");
    assert_eq!(s.network(), ip("192.168.1.0"));
    assert_eq!(s.broadcast(), Some(Ipv4Addr::new(192, 168, 1, 255)));
    assert_eq!(s.last(), ip("192.168.1.255"));
    assert_eq!(s.size(), 256);
    assert_eq!(s.usable_count(), 254);
    assert_eq!(net("10.0.0.0/31").broadcast(), None);
    assert_eq!(net("10.0.0.0/31").usable_count(), 2);
    assert_eq!(net("10.0.0.5/32").usable_count(), 1);
    assert_eq!(net("10.0.0.0/8").size(), 1 << 24);
    assert_eq!(net("2001:db8::/64").size(), 1u128 << 64);
    assert_eq!(net("2001::/16").size(), 1u128 << 112);
    assert_eq!(
        net("2001:db8::/64").last(),
        ip("2001:db8::ffff:ffff:ffff:ffff")
    );
}

#[test]
fn contains_and_usable_hosts() {
    let s = net("192.168.1.0/24");
    assert!(s.contains(ip("192.168.1.0")) && s.contains(ip("192.168.1.255")));
    assert!(!s.contains(ip("192.168.2.0")) && !s.contains(ip("::1")));
    assert!(!s.is_usable_host(ip("192.168.1.0")));
    assert!(!s.is_usable_host(ip("192.168.1.255")));
    assert!(s.is_usable_host(ip("192.168.1.1")) && s.is_usable_host(ip("192.168.1.254")));
    // RFC 3021: both addresses of a /31 are hosts; a /32 is one host.
    assert!(net("10.0.0.0/31").is_usable_host(ip("10.0.0.0")));
    assert!(net("10.0.0.0/31").is_usable_host(ip("10.0.0.1")));
    assert!(net("10.0.0.9/32").is_usable_host(ip("10.0.0.9")));
    let v6 = net("2001:db8::/64");
    assert!(
        !v6.is_usable_host(ip("2001:db8::")),
        "subnet-router anycast"
    );
    assert!(v6.is_usable_host(ip("2001:db8::1")));
    assert!(v6.is_usable_host(ip("2001:db8::ffff:ffff:ffff:ffff")));
    assert!(!v6.is_usable_host(ip("192.168.1.1")));
    assert!(net("2001:db8::/127").is_usable_host(ip("2001:db8::")));
}

#[test]
fn overlaps_both_ways_and_never_across_families() {
    let big = net("10.0.0.0/16");
    let small = net("10.0.5.0/24");
    let apart = net("10.1.0.0/16");
    assert!(big.overlaps(&small) && small.overlaps(&big));
    assert!(big.overlaps(&big));
    assert!(!big.overlaps(&apart) && !apart.overlaps(&big));
    let v6 = net("::ffff:0:0/96");
    let v4 = net("10.0.0.0/8");
    assert!(!v6.overlaps(&v4) && !v4.overlaps(&v6));
    assert!(net("2001:db8::/32").overlaps(&net("2001:db8:1::/48")));
    let existing = vec![(1, apart), (2, big), (3, small)];
    assert_eq!(
        first_overlap(&net("10.0.5.128/25"), existing.clone()),
        Some(2)
    );
    assert_eq!(first_overlap(&net("10.2.0.0/16"), existing.clone()), None);
    assert_eq!(first_overlap(&net("2001:db8::/32"), existing), None);
}

#[test]
fn sort_keys_order_numerically_and_read_back() {
    let ips: Vec<IpAddr> = [
        "10.0.0.9",
        "10.0.0.10",
        "9.255.255.255",
        "::1",
        "2001:db8::1",
        "255.255.255.255",
        "0.0.0.0",
    ]
    .iter()
    .map(|s| ip(s))
    .collect();
    let mut by_key = ips.clone();
    by_key.sort_by_key(|a| ip_sort_key(*a));
    let mut by_number = ips.clone();
    by_number.sort_by_key(|a| ip_key(*a));
    assert_eq!(by_key, by_number);
    assert_eq!(by_key.first(), Some(&ip("0.0.0.0")));
    assert_eq!(by_key.last(), Some(&ip("2001:db8::1")));
    assert_eq!(
        ip_sort_key(ip("192.168.0.1")),
        "4000000000000000000000000c0a80001"
    );
    assert_eq!(ip_sort_key(ip("::1")), "600000000000000000000000000000001");
    for a in ips {
        assert_eq!(ip_sort_key(a).len(), 33);
        assert_eq!(ip_from_sort_key(&ip_sort_key(a)), Some(a));
    }
    assert_eq!(ip_key(ip("10.0.0.1")), (4, 0x0a00_0001));
    assert_eq!(
        ip_from_sort_key("4000000000000000000000001ffffffff"),
        None,
        "past 2^32"
    );
    assert_eq!(ip_from_sort_key("5000000000000000000000000c0a80001"), None);
    assert_eq!(
        ip_from_sort_key("4000000000000000000000000C0A80001"),
        None,
        "uppercase"
    );
    assert_eq!(ip_from_sort_key("40c0a80001"), None);
}

#[test]
fn subnets_travel_as_text_and_give_their_sort_key_range() {
    let s = net("192.168.1.0/24");
    assert_eq!(serde_json::to_string(&s).unwrap(), "\"192.168.1.0/24\"");
    let back: Subnet = serde_json::from_str("\"2001:DB8::/48\"").unwrap();
    assert_eq!(back.to_string(), "2001:db8::/48");
    assert!(serde_json::from_str::<Subnet>("\"192.168.1.7/24\"").is_err());
    let (lo, hi) = s.sort_key_range();
    assert_eq!(lo, ip_sort_key(ip("192.168.1.0")));
    assert_eq!(hi, ip_sort_key(ip("192.168.1.255")));
    let inside = ip_sort_key(ip("192.168.1.10"));
    let outside = ip_sort_key(ip("192.168.10.1"));
    assert!(lo <= inside && inside <= hi);
    assert!(!(lo <= outside && outside <= hi));
}
