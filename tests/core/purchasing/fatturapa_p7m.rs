//! Signed FatturaPA files made here: a key, a self-signed certificate and a CAdES-style
//! SignedData with the invoice attached, as DER and as Base64 text; then altered.

use super::fatturapa_xml::{body, doc};
use backoffice_core::import::fatturapa::{read_file, ProblemCode, Signature};
use base64::Engine;
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::ObjectIdentifier;
use der::{Any, Encode, Tag};
use rsa::pkcs1v15::SigningKey;
use rsa::RsaPrivateKey;
use sha2::Sha256;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Duration;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Validity;
use x509_cert::Certificate;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

/// One RSA-2048 key and certificate for every test, as Italian signature cards use.
fn rsa_signer() -> &'static (SigningKey<Sha256>, Certificate) {
    static KEY: OnceLock<(SigningKey<Sha256>, Certificate)> = OnceLock::new();
    KEY.get_or_init(|| {
        let key = RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
        let signing = SigningKey::<Sha256>::new(key.clone());
        let spki = SubjectPublicKeyInfoOwned::from_key(key.to_public_key()).unwrap();
        let cert = self_signed(&signing, spki);
        (signing, cert)
    })
}

fn self_signed(signer: &SigningKey<Sha256>, spki: SubjectPublicKeyInfoOwned) -> Certificate {
    let subject = Name::from_str("CN=ROSSI MARIO,O=Ferramenta Rossi S.r.l.,C=IT").unwrap();
    CertificateBuilder::new(
        Profile::Root,
        SerialNumber::from(7u32),
        Validity::from_now(Duration::from_secs(3600)).unwrap(),
        subject,
        spki,
        signer,
    )
    .unwrap()
    .build::<rsa::pkcs1v15::Signature>()
    .unwrap()
}

pub fn sign(content: &[u8]) -> Vec<u8> {
    let (key, cert) = rsa_signer();
    let (info, digest, sid) = parts(cert, content);
    let signer = SignerInfoBuilder::new(key, sid, digest.clone(), &info, None).unwrap();
    SignedDataBuilder::new(&info)
        .add_digest_algorithm(digest)
        .unwrap()
        .add_certificate(CertificateChoices::Certificate(cert.clone()))
        .unwrap()
        .add_signer_info::<SigningKey<Sha256>, rsa::pkcs1v15::Signature>(signer)
        .unwrap()
        .build()
        .unwrap()
        .to_der()
        .unwrap()
}

/// The same with an ECDSA P-256 key (newer remote-signature services use one).
fn sign_ecdsa(content: &[u8]) -> Vec<u8> {
    let key = p256::ecdsa::SigningKey::random(&mut rand::thread_rng());
    let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).unwrap();
    let cert = CertificateBuilder::new(
        Profile::Root,
        SerialNumber::from(9u32),
        Validity::from_now(Duration::from_secs(3600)).unwrap(),
        Name::from_str("CN=BIANCHI ANNA,C=IT").unwrap(),
        spki,
        &key,
    )
    .unwrap()
    .build::<p256::ecdsa::DerSignature>()
    .unwrap();
    let (info, digest, sid) = parts(&cert, content);
    let signer = SignerInfoBuilder::new(&key, sid, digest.clone(), &info, None).unwrap();
    SignedDataBuilder::new(&info)
        .add_digest_algorithm(digest)
        .unwrap()
        .add_certificate(CertificateChoices::Certificate(cert.clone()))
        .unwrap()
        .add_signer_info::<p256::ecdsa::SigningKey, p256::ecdsa::DerSignature>(signer)
        .unwrap()
        .build()
        .unwrap()
        .to_der()
        .unwrap()
}

fn parts(
    cert: &Certificate,
    content: &[u8],
) -> (
    EncapsulatedContentInfo,
    AlgorithmIdentifierOwned,
    SignerIdentifier,
) {
    let info = EncapsulatedContentInfo {
        econtent_type: ID_DATA,
        econtent: Some(Any::new(Tag::OctetString, content.to_vec()).unwrap()),
    };
    let digest = AlgorithmIdentifierOwned {
        oid: SHA256,
        parameters: None,
    };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    });
    (info, digest, sid)
}

pub fn invoice_xml() -> String {
    doc(vec![body("FT-99")]).xml()
}

#[test]
fn a_signed_file_opens_and_says_who_signed() {
    let p7m = sign(invoice_xml().as_bytes());
    let file = read_file("IT00488410010_00002.xml.p7m", &p7m).unwrap();
    assert_eq!(
        file.signature,
        Signature::IntactTrustNotChecked {
            signer: Some("ROSSI MARIO".into())
        }
    );
    assert_eq!(file.invoices[0].number, "FT-99");
    // The hash is of the file as received, not of the XML inside.
    assert_ne!(
        file.sha256,
        read_file("x.xml", invoice_xml().as_bytes()).unwrap().sha256
    );
}

#[test]
fn a_base64_p7m_opens_with_or_without_pem_lines() {
    let p7m = sign(invoice_xml().as_bytes());
    let b64 = base64::engine::general_purpose::STANDARD.encode(&p7m);
    let wrapped: Vec<String> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    let plain = wrapped.join("\r\n");
    let file = read_file("b.xml.p7m", plain.as_bytes()).unwrap();
    assert!(matches!(
        file.signature,
        Signature::IntactTrustNotChecked { .. }
    ));
    let pem = format!(
        "-----BEGIN PKCS7-----\n{}\n-----END PKCS7-----\n",
        wrapped.join("\n")
    );
    assert_eq!(
        read_file("p.p7m", pem.as_bytes()).unwrap().invoices.len(),
        1
    );
}

#[test]
fn altered_content_or_signature_is_refused() {
    let xml = invoice_xml();
    let mut p7m = sign(xml.as_bytes());
    // Change the invoice number inside the signed content: same length, still valid DER.
    let at = p7m.windows(5).position(|w| w == b"FT-99").unwrap();
    p7m[at + 3] = b'8';
    let p = read_file("f.xml.p7m", &p7m).unwrap_err();
    assert_eq!(p.code, ProblemCode::SignatureBroken);
    assert_eq!(p.file, "f.xml.p7m");
    // The signature value is the last field of the DER.
    let mut p7m = sign(xml.as_bytes());
    let last = p7m.len() - 1;
    p7m[last] ^= 0x01;
    assert_eq!(
        read_file("s.p7m", &p7m).unwrap_err().code,
        ProblemCode::SignatureBroken
    );
}

#[test]
fn a_p7m_that_is_not_signed_data_or_has_no_content() {
    // A DER SEQUENCE that is no ContentInfo.
    assert_eq!(
        read_file("x.p7m", &[0x30, 0x81, 0x03, 0x02, 0x01, 0x05])
            .unwrap_err()
            .code,
        ProblemCode::NotSignedData
    );
    // A truncated signed file.
    let p7m = sign(invoice_xml().as_bytes());
    assert_eq!(
        read_file("t.p7m", &p7m[..p7m.len() / 2]).unwrap_err().code,
        ProblemCode::NotSignedData
    );
    // A signature over empty content.
    assert_eq!(
        read_file("e.p7m", &sign(b"")).unwrap_err().code,
        ProblemCode::NoContent
    );
    // Signed content that is not an invoice is refused like the plain file would be.
    assert_eq!(
        read_file("n.p7m", &sign(b"hello")).unwrap_err().code,
        ProblemCode::NotXml
    );
}

#[test]
fn an_ecdsa_p256_signature_is_checked_too() {
    let xml = invoice_xml();
    let p7m = sign_ecdsa(xml.as_bytes());
    let file = read_file("ec.xml.p7m", &p7m).unwrap();
    assert_eq!(
        file.signature,
        Signature::IntactTrustNotChecked {
            signer: Some("BIANCHI ANNA".into())
        }
    );
    let mut altered = p7m.clone();
    let at = altered.windows(5).position(|w| w == b"FT-99").unwrap();
    altered[at + 4] = b'0';
    assert_eq!(
        read_file("ec.p7m", &altered).unwrap_err().code,
        ProblemCode::SignatureBroken
    );
}
