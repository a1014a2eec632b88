//! Signed FatturaPA files (`.xml.p7m`): CMS SignedData with the invoice attached (CAdES-BES).
//!
//! The signature is checked offline: the signed attributes' message digest must equal the
//! digest of the content, and the signature over those attributes must verify with the public
//! key of the signer's certificate carried in the file. Whether that certificate chains to a
//! qualified authority, or was revoked, is not checked: that needs the trusted lists online.

use super::problem::{Problem, ProblemCode};
use super::Signature;
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Encode};
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use rsa::pkcs8::DecodePublicKey;
use rsa::Pkcs1v15Sign;
use sha2::Digest;
use x509_cert::Certificate;

const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
const SUBJECT_KEY_ID: Oid = Oid::new_unwrap("2.5.29.14");
const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
const RSA_KEY: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");

#[derive(Clone, Copy)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn from_oid(oid: Oid) -> Option<Self> {
        match oid {
            SHA1 => Some(Self::Sha1),
            SHA256 => Some(Self::Sha256),
            SHA384 => Some(Self::Sha384),
            SHA512 => Some(Self::Sha512),
            _ => None,
        }
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha1 => sha1::Sha1::digest(data).to_vec(),
            Self::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Self::Sha384 => sha2::Sha384::digest(data).to_vec(),
            Self::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }

    fn pkcs1(self) -> Pkcs1v15Sign {
        match self {
            Self::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
            Self::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
            Self::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
            Self::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        }
    }
}

/// The signed content and what its signature says. An altered content or signature is the
/// `signature_broken` problem: the caller never sees the content of such a file.
pub fn open(der_bytes: &[u8]) -> Result<(Vec<u8>, Signature), Problem> {
    let not_signed = || Problem::new(ProblemCode::NotSignedData, "");
    let info = match ContentInfo::from_der(der_bytes) {
        Ok(info) => info,
        Err(_) => {
            let der = super::ber::to_der(der_bytes).ok_or_else(not_signed)?;
            ContentInfo::from_der(&der).map_err(|_| not_signed())?
        }
    };
    if info.content_type != SIGNED_DATA {
        return Err(not_signed());
    }
    let signed: SignedData = info.content.decode_as().map_err(|_| not_signed())?;
    let content = signed
        .encap_content_info
        .econtent
        .as_ref()
        .map(|c| c.value().to_vec())
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Problem::new(ProblemCode::NoContent, ""))?;
    let certs: Vec<&Certificate> = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(cert) => Some(cert),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let mut result: Option<Signature> = None;
    for signer in signed.signer_infos.0.iter() {
        let checked = check_signer(signer, &certs, &content)?;
        if result.is_none() {
            result = Some(checked);
        }
    }
    Ok((content, result.ok_or_else(not_signed)?))
}

fn broken() -> Problem {
    Problem::new(ProblemCode::SignatureBroken, "")
}

fn check_signer(
    signer: &SignerInfo,
    certs: &[&Certificate],
    content: &[u8],
) -> Result<Signature, Problem> {
    let cert = find_cert(signer, certs);
    let name = cert.and_then(common_name);
    let not_checked = |what: &str| Signature::NotChecked {
        signer: name.clone(),
        reason: what.to_owned(),
    };
    let Some(hash) = Hash::from_oid(signer.digest_alg.oid) else {
        return Ok(not_checked("digest_algorithm"));
    };
    let Some(cert) = cert else {
        return Ok(not_checked("no_certificate"));
    };
    let content_digest = hash.digest(content);
    // With signed attributes (CAdES always has them) the signature covers their DER encoding as
    // a SET OF, and they carry the content's digest; without them it covers the content.
    let signed_bytes = match &signer.signed_attrs {
        Some(attrs) => {
            let digest = attrs
                .iter()
                .find(|a| a.oid == MESSAGE_DIGEST)
                .and_then(|a| a.values.iter().next())
                .ok_or_else(broken)?;
            if digest.value() != content_digest.as_slice() {
                return Err(broken());
            }
            attrs.to_der().map_err(|_| broken())?
        }
        None => content.to_vec(),
    };
    let digest = hash.digest(&signed_bytes);
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let spki_der = spki.to_der().map_err(|_| broken())?;
    let signature = signer.signature.as_bytes();
    if signer.signature_algorithm.oid == RSA_PSS {
        return Ok(not_checked("rsa_pss"));
    }
    let verified = if spki.algorithm.oid == RSA_KEY {
        let key = rsa::RsaPublicKey::from_public_key_der(&spki_der).map_err(|_| broken())?;
        key.verify(hash.pkcs1(), &digest, signature).is_ok()
    } else if spki.algorithm.oid == EC_PUBLIC_KEY {
        match p256::ecdsa::VerifyingKey::from_public_key_der(&spki_der) {
            Ok(key) => p256::ecdsa::Signature::from_der(signature)
                .is_ok_and(|sig| key.verify_prehash(&digest, &sig).is_ok()),
            Err(_) => return Ok(not_checked("curve")),
        }
    } else {
        return Ok(not_checked("key_algorithm"));
    };
    if verified {
        Ok(Signature::IntactTrustNotChecked { signer: name })
    } else {
        Err(broken())
    }
}

/// The certificate the signer names; with a single certificate in the file, that one.
fn find_cert<'a>(signer: &SignerInfo, certs: &[&'a Certificate]) -> Option<&'a Certificate> {
    let named = certs.iter().copied().find(|c| match &signer.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            c.tbs_certificate.issuer == ias.issuer
                && c.tbs_certificate.serial_number == ias.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => c
            .tbs_certificate
            .extensions
            .iter()
            .flatten()
            .filter(|e| e.extn_id == SUBJECT_KEY_ID)
            .any(|e| {
                x509_cert::ext::pkix::SubjectKeyIdentifier::from_der(e.extn_value.as_bytes())
                    .is_ok_and(|id| id == *ski)
            }),
    });
    named.or_else(|| (certs.len() == 1).then(|| certs[0]))
}

/// The subject's common name (CN), as written in the certificate.
fn common_name(cert: &Certificate) -> Option<String> {
    cert.tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == COMMON_NAME)
        .map(|atv| String::from_utf8_lossy(atv.value.value()).into_owned())
}
