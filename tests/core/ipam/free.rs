use backoffice_core::domain::ipam::{
    check_range, free_count, free_runs, next_free, RangeError, Subnet,
};
use std::net::{IpAddr, Ipv4Addr};
use std::time::Instant;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn net(s: &str) -> Subnet {
    Subnet::parse(s).unwrap()
}

#[test]
fn next_free_skips_network_gateway_and_used() {
    let s = net("192.168.1.0/24");
    assert_eq!(next_free(&s, &[], &[]), Some(ip("192.168.1.1")));
    assert_eq!(
        next_free(&s, &[], &[ip("192.168.1.1")]),
        Some(ip("192.168.1.2"))
    );
    let used = [ip("192.168.1.2"), ip("192.168.1.3"), ip("192.168.1.5")];
    assert_eq!(
        next_free(&s, &used, &[ip("192.168.1.1")]),
        Some(ip("192.168.1.4"))
    );
    assert_eq!(
        next_free(&s, &used, &[ip("192.168.1.4"), ip("192.168.1.1")]),
        Some(ip("192.168.1.6"))
    );
    // Addresses of other subnets or families in the list change nothing.
    let mixed = [ip("10.0.0.1"), ip("192.168.1.1"), ip("2001:db8::1")];
    assert_eq!(next_free(&s, &mixed, &[]), Some(ip("192.168.1.2")));
    // An unsorted list still gives a right answer.
    let unsorted = [ip("192.168.1.2"), ip("192.168.1.1")];
    assert_eq!(next_free(&s, &unsorted, &[]), Some(ip("192.168.1.3")));
}

#[test]
fn a_full_subnet_has_no_next_free() {
    let s = net("10.0.0.0/30");
    assert_eq!(next_free(&s, &[ip("10.0.0.1"), ip("10.0.0.2")], &[]), None);
    assert_eq!(next_free(&s, &[ip("10.0.0.1")], &[ip("10.0.0.2")]), None);
    assert_eq!(free_count(&s, 2), 0);
    assert_eq!(
        next_free(&net("10.0.0.0/31"), &[ip("10.0.0.0")], &[]),
        Some(ip("10.0.0.1"))
    );
    assert_eq!(next_free(&net("10.0.0.7/32"), &[ip("10.0.0.7")], &[]), None);
}

#[test]
fn next_free_in_a_slash_16_with_60000_used_is_immediate() {
    let s = net("172.16.0.0/16");
    // 172.16.0.1 .. 172.16.234.96 used: the first 60,000 hosts.
    let used: Vec<IpAddr> = (1..=60_000u32)
        .map(|i| IpAddr::V4(Ipv4Addr::from(0xac10_0000 + i)))
        .collect();
    let t = Instant::now();
    let got = next_free(&s, &used, &[ip("172.16.0.1")]);
    let elapsed = t.elapsed();
    assert_eq!(got, Some(IpAddr::V4(Ipv4Addr::from(0xac10_0000 + 60_001))));
    assert_eq!(free_count(&s, 60_000), 65_534 - 60_000);
    println!("next free in a /16 with 60,000 used: {elapsed:?}");
    // With a hole in the middle, the hole is found.
    let mut holed = used.clone();
    holed.remove(29_999);
    assert_eq!(next_free(&s, &holed, &[]), Some(used[29_999]));
}

#[test]
fn next_free_in_an_ipv6_slash_64() {
    let s = net("2001:db8:0:1::/64");
    assert_eq!(next_free(&s, &[], &[]), Some(ip("2001:db8:0:1::1")));
    let used = [
        ip("2001:db8:0:1::1"),
        ip("2001:db8:0:1::2"),
        ip("2001:db8:0:1::4"),
    ];
    assert_eq!(next_free(&s, &used, &[]), Some(ip("2001:db8:0:1::3")));
    assert_eq!(free_count(&s, 3), (1u128 << 64) - 1 - 3);
    // The top of the highest possible subnet does not overflow.
    let top = net("ffff::/16");
    let last = ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    assert_eq!(next_free(&top, &[], &[]), Some(ip("ffff::1")));
    assert!(top.is_usable_host(last));
    assert_eq!(
        next_free(
            &net("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
            &[last],
            &[]
        ),
        None
    );
}

#[test]
fn free_runs_list_the_gaps() {
    let s = net("192.168.1.0/29"); // hosts .1 to .6
    let runs = free_runs(
        &s,
        &[ip("192.168.1.2"), ip("192.168.1.3"), ip("192.168.1.6")],
        10,
    );
    let got: Vec<(IpAddr, IpAddr, u128)> =
        runs.iter().map(|r| (r.first, r.last, r.count)).collect();
    assert_eq!(
        got,
        vec![
            (ip("192.168.1.1"), ip("192.168.1.1"), 1),
            (ip("192.168.1.4"), ip("192.168.1.5"), 2)
        ]
    );
    assert_eq!(free_runs(&s, &[], 10).len(), 1);
    assert_eq!(free_runs(&s, &[], 10)[0].count, 6);
    assert_eq!(
        free_runs(&s, &[ip("192.168.1.2"), ip("192.168.1.4")], 2).len(),
        2
    );
    let v6 = free_runs(&net("2001:db8::/64"), &[ip("2001:db8::5")], 10);
    assert_eq!(v6.len(), 2);
    assert_eq!(v6[1].count, (1u128 << 64) - 6);
}

#[test]
fn dhcp_ranges_are_checked() {
    let s = net("192.168.1.0/24");
    assert_eq!(
        check_range(&s, ip("192.168.1.100"), ip("192.168.1.200")),
        Ok(())
    );
    assert_eq!(
        check_range(&s, ip("192.168.1.100"), ip("192.168.1.100")),
        Ok(())
    );
    assert_eq!(
        check_range(&s, ip("192.168.1.0"), ip("192.168.1.200")),
        Err(RangeError::StartNotUsable)
    );
    assert_eq!(
        check_range(&s, ip("192.168.1.10"), ip("192.168.1.255")),
        Err(RangeError::EndNotUsable)
    );
    assert_eq!(
        check_range(&s, ip("192.168.1.10"), ip("192.168.2.5")),
        Err(RangeError::EndNotUsable)
    );
    assert_eq!(
        check_range(&s, ip("192.168.1.200"), ip("192.168.1.100")),
        Err(RangeError::Reversed)
    );
    assert_eq!(
        check_range(&s, ip("2001:db8::1"), ip("192.168.1.100")),
        Err(RangeError::StartNotUsable)
    );
    let f = RangeError::Reversed.field_error("dhcp_start", "dhcp_end");
    assert_eq!(
        (f.field.as_str(), f.code.as_str()),
        ("dhcp_end", "range_reversed")
    );
}
