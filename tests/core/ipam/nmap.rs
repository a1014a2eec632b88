use backoffice_core::domain::ipam::{parse_scan, Mac, PortProto, ScanError, ScanLimits};
use backoffice_core::ErrorCode;
use std::fmt::Write;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Instant;

const OFFICE: &[u8] = include_bytes!("files/office_scan.xml");

#[test]
fn a_real_scan_reads_its_hosts_up() {
    let scan = parse_scan(OFFICE, ScanLimits::default()).unwrap();
    assert!(scan.finished);
    assert!(scan
        .scanner_args
        .as_deref()
        .unwrap()
        .starts_with("nmap -v -O"));
    assert_eq!(
        scan.start.unwrap().to_rfc3339(),
        "2025-12-05T08:30:00+00:00"
    );
    assert_eq!(scan.hosts_down, 1, "the down host is counted, not kept");
    assert_eq!(scan.hosts.len(), 2, "the hosthint is not a host");

    let printer = &scan.hosts[0];
    assert!(printer.status_up);
    assert_eq!(printer.ipv4, Some(Ipv4Addr::new(192, 168, 10, 20)));
    assert_eq!(printer.ipv6, None);
    assert_eq!(printer.mac, Some(Mac::parse("3C:52:82:11:22:33").unwrap()));
    assert_eq!(printer.vendor.as_deref(), Some("Hewlett Packard"));
    assert_eq!(printer.hostnames, vec!["printer-2.office.lan".to_owned()]);
    let ports: Vec<(u16, PortProto, Option<&str>)> = printer
        .open_ports
        .iter()
        .map(|p| (p.port, p.proto, p.service.as_deref()))
        .collect();
    assert_eq!(
        ports,
        vec![
            (80, PortProto::Tcp, Some("http")),
            (443, PortProto::Tcp, Some("https")),
            (9100, PortProto::Tcp, Some("jetdirect")),
        ],
        "filtered ports are not open"
    );
    assert_eq!(
        printer.os_guess.as_deref(),
        Some("HP LaserJet printer (embedded Linux)")
    );

    let files = &scan.hosts[1];
    assert_eq!(files.ipv4, None);
    assert_eq!(
        files.ipv6,
        Some("2001:db8:10::2a".parse::<Ipv6Addr>().unwrap())
    );
    assert_eq!(files.ip().unwrap().to_string(), "2001:db8:10::2a");
    assert_eq!((files.mac, files.vendor.as_deref()), (None, None));
    assert_eq!(files.hostnames, vec!["files".to_owned()]);
    assert_eq!(files.open_ports.len(), 2, "open|filtered is not open");
    assert_eq!(files.os_guess, None);
}

#[test]
fn a_csv_or_a_pdf_is_not_nmap() {
    let csv = include_bytes!("files/not_nmap.csv");
    assert_eq!(
        parse_scan(csv, ScanLimits::default()),
        Err(ScanError::NotNmap)
    );
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    assert_eq!(
        parse_scan(pdf, ScanLimits::default()),
        Err(ScanError::NotNmap)
    );
    let other = b"<?xml version=\"1.0\"?>\n<report><host/></report>";
    assert_eq!(
        parse_scan(other, ScanLimits::default()),
        Err(ScanError::NotNmap)
    );
    let html = b"<!DOCTYPE html>\n<html><body></body></html>";
    assert_eq!(
        parse_scan(html, ScanLimits::default()),
        Err(ScanError::NotNmap)
    );
    for empty in [&b""[..], b"   \n", b"\xEF\xBB\xBF"] {
        assert_eq!(
            parse_scan(empty, ScanLimits::default()),
            Err(ScanError::NotNmap)
        );
    }
    let err: backoffice_core::Error = ScanError::NotNmap.into();
    assert_eq!(err.code, ErrorCode::BadFile);
    assert_eq!(err.params["reason"], "not_nmap");
}

#[test]
fn a_file_cut_inside_a_host_is_truncated() {
    let cut = include_bytes!("files/truncated.xml");
    assert_eq!(
        parse_scan(cut, ScanLimits::default()),
        Err(ScanError::Truncated { hosts_read: 0 })
    );
    let err: backoffice_core::Error = ScanError::Truncated { hosts_read: 7 }.into();
    assert_eq!(
        (err.params["reason"].as_str(), err.params["hosts"].as_str()),
        ("nmap_truncated", "7")
    );
    // Without the closing runstats and root (nmap killed during the scan).
    let end = OFFICE.windows(10).position(|w| w == b"<runstats>").unwrap();
    assert_eq!(
        parse_scan(&OFFICE[..end], ScanLimits::default()),
        Err(ScanError::Truncated { hosts_read: 2 })
    );
}

#[test]
fn every_cut_of_a_scan_is_refused_never_read_as_complete() {
    let full_end = OFFICE.windows(10).position(|w| w == b"</nmaprun>").unwrap();
    for len in 0..full_end {
        let got = parse_scan(&OFFICE[..len], ScanLimits::default());
        assert!(
            matches!(got, Err(ScanError::Truncated { .. } | ScanError::NotNmap)),
            "cut at {len}: {got:?}"
        );
    }
}

/// The printer's vendor in its host element (the hosthint before it has the same address).
const HOST_VENDOR: &str = "Hewlett Packard\"/>\n<hostnames>\n<hostname";

#[test]
fn damaged_xml_says_where() {
    let text = String::from_utf8(OFFICE.to_vec()).unwrap();
    let bad = text.replacen("</hostnames>\n<ports>", "</hostname>\n<ports>", 1);
    match parse_scan(bad.as_bytes(), ScanLimits::default()) {
        Err(ScanError::Malformed { line }) => assert!((20..=30).contains(&line), "line {line}"),
        other => panic!("{other:?}"),
    }
    let undefined = text.replacen(HOST_VENDOR, "&hp;\"/>\n<hostnames>\n<hostname", 1);
    let got = parse_scan(undefined.as_bytes(), ScanLimits::default());
    assert!(matches!(got, Err(ScanError::Malformed { .. })), "{got:?}");
    let escaped = text.replacen(
        HOST_VENDOR,
        "Hewlett &amp; Packard &#x263A;\"/>\n<hostnames>\n<hostname",
        1,
    );
    let scan = parse_scan(escaped.as_bytes(), ScanLimits::default()).unwrap();
    assert_eq!(
        scan.hosts[0].vendor.as_deref(),
        Some("Hewlett & Packard \u{263a}")
    );
}

#[test]
fn an_error_exit_is_not_finished() {
    let text = String::from_utf8(OFFICE.to_vec()).unwrap();
    let failed = text.replacen(
        "exit=\"success\"",
        "exit=\"error\" errormsg=\"interrupted\"",
        1,
    );
    let scan = parse_scan(failed.as_bytes(), ScanLimits::default()).unwrap();
    assert!(!scan.finished);
    assert_eq!(scan.hosts.len(), 2);
}

/// A scan of `n` hosts up in 10.x.y.z, each with a MAC, a name and two open ports, and as
/// many down hosts, as nmap -v writes them.
pub fn generated_scan(n: u32) -> String {
    let mut s = String::with_capacity(n as usize * 900);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n");
    s.push_str("<nmaprun scanner=\"nmap\" args=\"nmap -v 10.0.0.0/8\" start=\"1764923400\" version=\"7.95\" xmloutputversion=\"1.05\">\n");
    s.push_str("<verbose level=\"1\"/>\n<debugging level=\"0\"/>\n");
    for i in 0..n {
        let ip = Ipv4Addr::from(0x0a00_0000 + i + 1);
        let [_, _, a, b] = (i + 1).to_be_bytes();
        write!(
            s,
            "<host starttime=\"1764923401\" endtime=\"1764923402\"><status state=\"up\" reason=\"arp-response\" reason_ttl=\"0\"/>\n\
             <address addr=\"{ip}\" addrtype=\"ipv4\"/>\n\
             <address addr=\"02:00:00:00:{a:02X}:{b:02X}\" addrtype=\"mac\" vendor=\"Acme\"/>\n\
             <hostnames>\n<hostname name=\"pc-{i}.office.lan\" type=\"PTR\"/>\n</hostnames>\n\
             <ports><extraports state=\"closed\" count=\"998\"><extrareasons reason=\"reset\" count=\"998\" proto=\"tcp\" ports=\"1-21,23-79,81-65535\"/></extraports>\n\
             <port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"ssh\" method=\"table\" conf=\"3\"/></port>\n\
             <port protocol=\"tcp\" portid=\"80\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"http\" method=\"table\" conf=\"3\"/></port>\n\
             </ports>\n<times srtt=\"500\" rttvar=\"200\" to=\"100000\"/>\n</host>\n\
             <host><status state=\"down\" reason=\"no-response\" reason_ttl=\"0\"/>\n<address addr=\"10.200.{a}.{b}\" addrtype=\"ipv4\"/>\n</host>\n"
        )
        .unwrap();
    }
    write!(
        s,
        "<runstats><finished time=\"1764923500\" elapsed=\"100.00\" exit=\"success\"/><hosts up=\"{n}\" down=\"{n}\" total=\"{}\"/>\n</runstats>\n</nmaprun>\n",
        2 * n
    )
    .unwrap();
    s
}

#[test]
fn ten_thousand_hosts_read_correctly() {
    let xml = generated_scan(10_000);
    let t = Instant::now();
    let scan = parse_scan(xml.as_bytes(), ScanLimits::default()).unwrap();
    let elapsed = t.elapsed();
    println!(
        "10,000 hosts up + 10,000 down, {} bytes: {elapsed:?}",
        xml.len()
    );
    assert_eq!(scan.hosts.len(), 10_000);
    assert_eq!(scan.hosts_down, 10_000);
    assert!(scan.finished);
    let last = &scan.hosts[9_999];
    assert_eq!(last.ipv4, Some(Ipv4Addr::new(10, 0, 39, 16)));
    assert_eq!(last.mac.unwrap().to_string(), "02:00:00:00:27:10");
    assert_eq!(last.hostnames, vec!["pc-9999.office.lan".to_owned()]);
    assert_eq!(last.open_ports.len(), 2);
    assert!(scan
        .hosts
        .iter()
        .all(|h| h.status_up && h.vendor.as_deref() == Some("Acme")));
}
