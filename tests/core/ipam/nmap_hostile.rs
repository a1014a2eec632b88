use backoffice_core::domain::ipam::{parse_scan, ScanError, ScanLimits};

const HEAD: &str = "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\" version=\"7.95\" xmloutputversion=\"1.05\">\n";
const TAIL: &str =
    "<runstats><finished time=\"1\" elapsed=\"0\"/><hosts total=\"0\"/></runstats>\n</nmaprun>\n";

#[test]
fn a_billion_laughs_is_refused_unexpanded() {
    let bomb = include_bytes!("files/billion_laughs.xml");
    assert_eq!(
        parse_scan(bomb, ScanLimits::default()),
        Err(ScanError::Hostile)
    );
}

#[test]
fn an_external_entity_is_refused_unread() {
    let xxe = include_bytes!("files/external_entity.xml");
    assert_eq!(
        parse_scan(xxe, ScanLimits::default()),
        Err(ScanError::Hostile)
    );
    let err: backoffice_core::Error = ScanError::Hostile.into();
    assert_eq!(err.params["reason"], "nmap_hostile");
}

#[test]
fn only_the_bare_nmaprun_doctype_is_accepted() {
    for doctype in [
        "<!DOCTYPE nmaprun SYSTEM \"nmap.dtd\">",
        "<!DOCTYPE nmaprun PUBLIC \"-//x//y\" \"http://example.invalid/nmap.dtd\">",
        "<!DOCTYPE nmaprun [ ]>",
        "<!ENTITY x \"y\">",
    ] {
        let xml = format!("<?xml version=\"1.0\"?>\n{doctype}\n{}{TAIL}", &HEAD[22..]);
        assert_eq!(
            parse_scan(xml.as_bytes(), ScanLimits::default()),
            Err(ScanError::Hostile),
            "{doctype}"
        );
    }
    let fine = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n{}{TAIL}",
        &HEAD[22..]
    );
    assert!(parse_scan(fine.as_bytes(), ScanLimits::default()).is_ok());
    let inside = format!("{HEAD}<!ENTITY x \"y\">\n{TAIL}");
    assert_eq!(
        parse_scan(inside.as_bytes(), ScanLimits::default()),
        Err(ScanError::Hostile)
    );
}

#[test]
fn deep_nesting_is_refused() {
    let depth = 100_000;
    let mut xml = String::from(HEAD);
    xml.push_str(&"<host>".repeat(depth));
    xml.push_str(&"</host>".repeat(depth));
    xml.push_str(TAIL);
    assert_eq!(
        parse_scan(xml.as_bytes(), ScanLimits::default()),
        Err(ScanError::Hostile)
    );
    // Nesting up to the limit is still read.
    let mut ok = String::from(HEAD);
    ok.push_str(&"<output>".repeat(60));
    ok.push_str(&"</output>".repeat(60));
    ok.push_str(TAIL);
    assert!(parse_scan(ok.as_bytes(), ScanLimits::default()).is_ok());
}

#[test]
fn size_and_host_limits_hold() {
    let host = "<host><status state=\"up\" reason=\"x\" reason_ttl=\"0\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/></host>\n";
    let xml = format!("{HEAD}{}{TAIL}", host.repeat(5));
    let small = ScanLimits {
        max_bytes: 100,
        ..ScanLimits::default()
    };
    assert_eq!(parse_scan(xml.as_bytes(), small), Err(ScanError::TooLarge));
    let few = ScanLimits {
        max_hosts: 4,
        ..ScanLimits::default()
    };
    assert_eq!(parse_scan(xml.as_bytes(), few), Err(ScanError::TooLarge));
    let five = ScanLimits {
        max_hosts: 5,
        ..ScanLimits::default()
    };
    assert_eq!(parse_scan(xml.as_bytes(), five).unwrap().hosts.len(), 5);
}

#[test]
fn long_texts_are_cut() {
    let long = "é".repeat(5_000);
    let xml = format!(
        "{HEAD}<host><status state=\"up\" reason=\"x\" reason_ttl=\"0\"/><address addr=\"02:00:00:00:00:01\" addrtype=\"mac\" vendor=\"{long}\"/><hostnames><hostname name=\"{long}\"/></hostnames></host>\n{TAIL}"
    );
    let limits = ScanLimits {
        max_text: 100,
        ..ScanLimits::default()
    };
    let scan = parse_scan(xml.as_bytes(), limits).unwrap();
    let h = &scan.hosts[0];
    assert_eq!(h.vendor.as_deref().unwrap().chars().count(), 100);
    assert_eq!(h.hostnames[0].chars().count(), 100);
}

#[test]
fn content_after_the_root_is_damage() {
    let xml = format!("{HEAD}{TAIL}<host></host>\n");
    assert!(matches!(
        parse_scan(xml.as_bytes(), ScanLimits::default()),
        Err(ScanError::Malformed { .. })
    ));
}
