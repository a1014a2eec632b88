//! FatturaPA files that are refused: each refusal names the file, the element and a code.

use super::fatturapa_xml::{body, doc};
use backoffice_core::import::fatturapa::{read_file, ProblemCode};
use backoffice_core::ErrorCode;
use std::time::Instant;

fn refused(name: &str, bytes: &[u8]) -> backoffice_core::import::fatturapa::Problem {
    let p = read_file(name, bytes).unwrap_err();
    assert_eq!(p.file, name);
    p
}

#[test]
fn not_xml_and_not_fatturapa() {
    assert_eq!(
        refused("a.xml", b"%PDF-1.4 not an invoice").code,
        ProblemCode::NotXml
    );
    assert_eq!(refused("a.xml", b"").code, ProblemCode::NotXml);
    assert_eq!(refused("a.xml", b"  \n ").code, ProblemCode::NotXml);
    assert_eq!(
        refused("a.xml", b"0,12;fattura 7").code,
        ProblemCode::NotXml
    );
    assert_eq!(
        refused("a.xml", "Gentile cliente, ecco la fattura".as_bytes()).code,
        ProblemCode::NotXml
    );
    let p = refused(
        "nmap.xml",
        br#"<?xml version="1.0"?><nmaprun args="nmap"></nmaprun>"#,
    );
    assert_eq!(p.code, ProblemCode::NotFatturaPa);
    assert_eq!(p.params["root"], "nmaprun");
    let p = refused("x.xml", br#"<p:Fattura xmlns:p="urn:x"><a/></p:Fattura>"#);
    assert_eq!(p.code, ProblemCode::NotFatturaPa);
}

#[test]
fn a_truncated_file_is_refused() {
    let xml = doc(vec![body("1")]).xml();
    let cut = &xml.as_bytes()[..xml.len() / 2];
    assert_eq!(refused("cut.xml", cut).code, ProblemCode::Truncated);
}

#[test]
fn doctype_and_entities_are_refused_before_expansion() {
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        bomb.push_str(&format!(
            " <!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    bomb.push_str("]>\n<p:FatturaElettronica xmlns:p=\"x\">&lol9;</p:FatturaElettronica>");
    let start = Instant::now();
    assert_eq!(
        refused("bomb.xml", bomb.as_bytes()).code,
        ProblemCode::Doctype
    );
    assert!(start.elapsed().as_millis() < 100);
    // An entity used without any declaration is refused too, not left as text.
    let xml = doc(vec![body("1")])
        .xml()
        .replace("Viti M6 inox", "Viti &xxe;");
    assert_eq!(refused("e.xml", xml.as_bytes()).code, ProblemCode::Doctype);
    // External entities never get a chance to be fetched.
    let xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"file:///etc/passwd\"><FatturaElettronica/>";
    assert_eq!(refused("s.xml", xxe.as_bytes()).code, ProblemCode::Doctype);
}

#[test]
fn too_deep_and_too_large() {
    let deep = format!(
        "<FatturaElettronica>{}{}</FatturaElettronica>",
        "<a>".repeat(100),
        "</a>".repeat(100)
    );
    assert_eq!(
        refused("deep.xml", deep.as_bytes()).code,
        ProblemCode::TooDeep
    );
    let big = vec![b' '; 21 * 1024 * 1024];
    let p = refused("big.xml", &big);
    assert_eq!(p.code, ProblemCode::TooLarge);
    assert_eq!(p.params["max_mb"], "20");
}

#[test]
fn a_total_with_three_decimals_names_its_element() {
    let mut b = body("1");
    b.total = Some("244.000");
    let p = refused("t.xml", doc(vec![b]).xml().as_bytes());
    assert_eq!(p.code, ProblemCode::BadAmount);
    assert_eq!(
        p.path,
        "FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/ImportoTotaleDocumento"
    );
    assert_eq!(p.params["value"], "244.000");
    // The same in the second body's line total.
    let mut second = body("2");
    second.lines[1].total = "75.001";
    let p = refused("t.xml", doc(vec![body("1"), second]).xml().as_bytes());
    assert_eq!(
        p.path,
        "FatturaElettronicaBody[2]/DatiBeniServizi/DettaglioLinee[2]/PrezzoTotale"
    );
    // Prices allow up to eight decimals, not nine; amounts are never written with a comma.
    let mut b = body("1");
    b.lines[0].unit_price = "12.500000000";
    assert_eq!(
        refused("p.xml", doc(vec![b]).xml().as_bytes()).code,
        ProblemCode::BadAmount
    );
    let mut b = body("1");
    b.total = Some("244,00");
    assert_eq!(
        refused("c.xml", doc(vec![b]).xml().as_bytes()).code,
        ProblemCode::BadAmount
    );
}

#[test]
fn missing_elements_and_bad_dates_name_the_element() {
    let mut second = body("2");
    second.date = "2026-02-30";
    let p = refused("d.xml", doc(vec![body("1"), second]).xml().as_bytes());
    assert_eq!(p.code, ProblemCode::BadDate);
    assert_eq!(
        p.path,
        "FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Data"
    );
    let xml = doc(vec![body("1")]).xml().replace("<Numero>1</Numero>", "");
    let p = refused("n.xml", xml.as_bytes());
    assert_eq!(p.code, ProblemCode::Missing);
    assert_eq!(
        p.path,
        "FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/Numero"
    );
    let xml = doc(vec![body("1")]).xml();
    let start = xml.find("<CedentePrestatore>").unwrap();
    let end = xml.find("</CedentePrestatore>").unwrap() + "</CedentePrestatore>".len();
    let p = refused(
        "s.xml",
        format!("{}{}", &xml[..start], &xml[end..]).as_bytes(),
    );
    assert_eq!(p.path, "FatturaElettronicaHeader/CedentePrestatore");
    let no_body = format!(
        "{}</p:FatturaElettronica>",
        &xml[..xml.find("  <FatturaElettronicaBody>").unwrap()]
    );
    assert_eq!(
        refused("b.xml", no_body.as_bytes()).path,
        "FatturaElettronicaBody"
    );
}

#[test]
fn a_problem_becomes_a_translated_bad_file_error() {
    let p = refused("f.xml", b"nope");
    let e: backoffice_core::Error = p.into();
    assert_eq!(e.code, ErrorCode::BadFile);
    assert_eq!(e.params["reason"], "fatturapa_not_xml");
    assert_eq!(e.params["file"], "f.xml");
}

#[test]
fn a_file_cut_anywhere_is_a_problem_never_a_panic() {
    let mut b = body("1");
    b.tail = "<Allegati><NomeAttachment>a.txt</NomeAttachment><Attachment>aGVsbG8=</Attachment></Allegati>".to_owned();
    let xml = doc(vec![b, body("2")]).xml();
    let bytes = xml.as_bytes();
    let mut refused_count = 0;
    for end in (0..bytes.len()).step_by(97) {
        // Only a cut that leaves the whole document (trailing blanks) may read.
        if read_file("cut.xml", &bytes[..end]).is_err() {
            refused_count += 1;
        }
    }
    assert_eq!(refused_count, bytes.len().div_ceil(97));
}
