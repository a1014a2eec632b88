//! The IT inventory's fixed parts, written on the first day of its history: the sites with
//! their buildings and rooms, the subnets (a busy /16 among many /24s), the software products
//! and the consumables; and the address plan the assets take their addresses from.

use crate::rng::Rng;
use backoffice_core::domain::assets::catalog::{LocationInput, LocationKind};
use backoffice_core::domain::assets::consumable::{ConsumableInput, CONSUMABLE_CATEGORIES};
use backoffice_core::domain::assets::licence::SoftwareProductInput;
use backoffice_core::domain::assets::network::SubnetInput;
use backoffice_core::store::assets::{consumables, locations, software, subnets};
use backoffice_core::store::WriteTx;
use std::net::Ipv4Addr;

type Result<T> = backoffice_core::Result<T>;

/// (site, address, buildings with their rooms).
/// A building and its rooms.
type Building = (&'static str, &'static [&'static str]);

const SITES: [(&str, &str, &[Building]); 6] = [
    (
        "Milano — Sede",
        "Via dell'Industria 42, Milano",
        &[
            (
                "Palazzina A",
                &["CED", "Uffici 1", "Uffici 2", "Sala riunioni"],
            ),
            ("Palazzina B", &["Amministrazione", "Magazzino IT"]),
        ],
    ),
    (
        "Bergamo — Stabilimento",
        "Via Serio 8, Bergamo",
        &[
            (
                "Produzione",
                &[
                    "Reparto tessitura",
                    "Reparto finissaggio",
                    "Ufficio tecnico",
                ],
            ),
            ("Uffici", &["Open space", "Sala server"]),
        ],
    ),
    (
        "Prato — Stabilimento",
        "Via Pistoiese 120, Prato",
        &[
            ("Capannone 1", &["Linea 1", "Linea 2", "Quadro elettrico"]),
            ("Uffici", &["Open space", "Sala rack"]),
        ],
    ),
    (
        "Bologna — Logistica",
        "Via del Lavoro 5, Bologna",
        &[(
            "Magazzino",
            &["Ribalte", "Ufficio spedizioni", "Armadio rete"],
        )],
    ),
    (
        "Napoli — Filiale",
        "Via Argine 300, Napoli",
        &[(
            "Piano terra",
            &["Reception", "Uffici commerciali", "Armadio rete"],
        )],
    ),
    (
        "Padova — Filiale",
        "Corso Stati Uniti 14, Padova",
        &[(
            "Primo piano",
            &["Uffici", "Sala formazione", "Armadio rete"],
        )],
    ),
];

const PRODUCTS: [(&str, &str); 12] = [
    ("Microsoft 365 Business Standard", "Microsoft"),
    ("Windows 11 Pro", "Microsoft"),
    ("Adobe Acrobat Pro", "Adobe"),
    ("AutoCAD LT", "Autodesk"),
    ("ESET Endpoint Security", "ESET"),
    ("Veeam Backup & Replication", "Veeam"),
    ("TeamViewer Business", "TeamViewer"),
    ("Zucchetti HR Infinity", "Zucchetti"),
    ("SAP Business One", "SAP"),
    ("VMware vSphere Standard", "VMware"),
    ("Visual Studio Professional", "Microsoft"),
    ("Slack Pro", "Salesforce"),
];

/// Where the generated places, subnets and products went.
#[derive(Default)]
pub struct Fixed {
    pub sites: Vec<i64>,
    pub rooms: Vec<i64>,
    pub subnets: Vec<i64>,
    pub products: Vec<i64>,
    pub consumables: usize,
}

/// One planned address: the subnet's index and the address.
pub type Address = (usize, Ipv4Addr);

/// The subnets' CIDRs (the busy /16 first, then three quieter /16s, then /24s) and the
/// `total` addresses used in them: `busy` in a row at the start of the busy /16, the rest
/// spread over the /24s from .10 up with a gap every twenty.
pub fn address_plan(count: usize, total: usize, busy: usize) -> (Vec<String>, Vec<Address>) {
    let mut cidrs: Vec<String> = (0..4).map(|k| format!("10.{}.0.0/16", 100 + k)).collect();
    let small = count.saturating_sub(4).max(1);
    for i in 0..small {
        cidrs.push(format!("10.{}.{}.0/24", 1 + i / 200, i % 200));
    }
    let mut out = Vec::with_capacity(total);
    let busy = busy.min(total);
    for n in 0..busy {
        // From 10.100.0.2: the gateway is .0.1.
        out.push((
            0,
            Ipv4Addr::from(u32::from(Ipv4Addr::new(10, 100, 0, 2)) + n as u32),
        ));
    }
    let rest = total - busy;
    let per = rest.div_ceil(small).min(200);
    'fill: for i in 0..small {
        let base = u32::from(Ipv4Addr::new(10, (1 + i / 200) as u8, (i % 200) as u8, 0));
        for m in 0..per {
            if out.len() == total {
                break 'fill;
            }
            out.push((4 + i, Ipv4Addr::from(base + 10 + (m + m / 20) as u32)));
        }
    }
    (cidrs, out)
}

/// Writes the places, subnets, products and consumables.
pub fn write(w: &WriteTx, r: &mut Rng, cidrs: &[String], consumable_count: usize) -> Result<Fixed> {
    let mut f = Fixed::default();
    for (site, address, buildings) in SITES {
        let loc = |parent, kind, name: &str, address: Option<&str>| -> Result<i64> {
            let v = LocationInput {
                parent_id: parent,
                kind,
                name: name.into(),
                address: address.map(str::to_owned),
            }
            .validate()?;
            locations::insert(w, &v)
        };
        let s = loc(None, LocationKind::Site, site, Some(address))?;
        f.sites.push(s);
        for (building, rooms) in buildings {
            let b = loc(Some(s), LocationKind::Building, building, None)?;
            for room in *rooms {
                f.rooms.push(loc(Some(b), LocationKind::Room, room, None)?);
            }
        }
    }
    for (i, cidr) in cidrs.iter().enumerate() {
        let gateway = cidr.replace(".0/", ".1/");
        let gateway = gateway.split('/').next().unwrap_or_default().to_owned();
        let v = SubnetInput {
            site_id: f.sites[i % f.sites.len()],
            vlan_id: None,
            cidr: cidr.clone(),
            name: if i < 4 {
                format!("Rete campus {}", i + 1)
            } else {
                format!("LAN {}", i - 3)
            },
            gateway: Some(gateway),
            dhcp_start: None,
            dhcp_end: None,
            dns: Some("10.100.0.53".into()),
            notes: None,
        }
        .validate()?;
        f.subnets.push(subnets::save(w, None, &v)?);
    }
    for (name, publisher) in PRODUCTS {
        let v = SoftwareProductInput {
            name: name.into(),
            publisher: Some(publisher.into()),
            product_version: None,
            notes: None,
        }
        .validate()?;
        f.products.push(software::save(w, None, &v)?);
    }
    let kinds = [
        "Toner nero",
        "Cavo di rete Cat6",
        "Mouse USB",
        "Tastiera USB",
        "Alimentatore",
        "Cuffie",
    ];
    for i in 0..consumable_count {
        let v = ConsumableInput {
            name: format!("{} {:03}", kinds[i % kinds.len()], i + 1),
            category: CONSUMABLE_CATEGORIES[i % CONSUMABLE_CATEGORIES.len()],
            unit: "pz".into(),
            min_level: r.range(2, 20),
            location_id: Some(f.rooms[i % f.rooms.len()]),
            supplier_name: Some("Forniture Ufficio Srl".into()),
            unit_cost_cents: Some(r.range(300, 9000)),
            currency: None,
            notes: None,
        }
        .validate()?;
        let id = consumables::save(w, None, &v)?;
        consumables::set_stock(w, id, r.range(0, 60))?;
        f.consumables += 1;
    }
    Ok(f)
}
