use backoffice_core::domain::ipam::{Mac, MacError};

#[test]
fn every_common_notation_reads_to_the_canonical_form() {
    for s in [
        "AA:BB:CC:0D:EE:FF",
        "aa:bb:cc:0d:ee:ff",
        "aa-bb-cc-0d-ee-ff",
        "AA-bb-Cc-0D-ee-FF",
        "aabb.cc0d.eeff",
        "AABB.CC0D.EEFF",
        "aabbcc0deeff",
        "  aabbcc0deeff\t",
    ] {
        assert_eq!(
            Mac::parse(s).unwrap().to_string(),
            "AA:BB:CC:0D:EE:FF",
            "{s}"
        );
    }
    assert_eq!(
        "00:1a:2b:3c:4d:5e".parse::<Mac>().unwrap().octets(),
        [0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e]
    );
}

#[test]
fn other_forms_are_refused() {
    for s in [
        "",
        "aa:bb:cc:dd:ee",
        "aa:bb:cc:dd:ee:ff:00",
        "aa:bb-cc:dd:ee:ff",
        "aa-bb-cc-dd-ee:ff",
        "aa:bb:cc:dd:ee:fg",
        "a:b:c:d:e:f",
        "aabb.ccdd.eef",
        "aabb:ccdd:eeff",
        "aa.bb.cc.dd.ee.ff",
        "aabbccddeef",
        "aabbccddeeff00",
        "aa:bb:cc:dd:ee:ff:00:11",
        "aa bb cc dd ee ff",
        "aabbccddeeé",
        "+abbccddeeff",
    ] {
        assert_eq!(Mac::parse(s), Err(MacError::Invalid), "{s:?}");
    }
}

#[test]
fn multicast_broadcast_and_zero_are_told_apart() {
    let m = Mac::parse("01:00:5e:00:00:fb").unwrap();
    assert!(m.is_multicast() && m.is_device_address());
    let b = Mac::parse("ff:ff:ff:ff:ff:ff").unwrap();
    assert!(b.is_multicast() && b.is_broadcast() && !b.is_device_address());
    assert_eq!(
        Mac::parse_device("ff-ff-ff-ff-ff-ff"),
        Err(MacError::NotDevice(b))
    );
    let z = Mac::parse("000000000000").unwrap();
    assert_eq!(
        Mac::parse_device("00:00:00:00:00:00"),
        Err(MacError::NotDevice(z))
    );
    assert_eq!(MacError::NotDevice(z).code(), "mac_not_device");
    let d = Mac::parse_device("3c:52:82:11:22:33").unwrap();
    assert!(!d.is_multicast() && !d.is_locally_administered());
    assert!(Mac::parse("da:a1:19:00:00:01")
        .unwrap()
        .is_locally_administered());
}

#[test]
fn macs_travel_as_their_canonical_text() {
    let m = Mac::parse("aabb.ccdd.eeff").unwrap();
    assert_eq!(serde_json::to_string(&m).unwrap(), "\"AA:BB:CC:DD:EE:FF\"");
    let back: Mac = serde_json::from_str("\"aa-bb-cc-dd-ee-ff\"").unwrap();
    assert_eq!(back, m);
    assert!(serde_json::from_str::<Mac>("\"nope\"").is_err());
}
