//! The recovery key: 32 random bytes shown once as 13 groups of four characters (Crockford's
//! base32: no I, L, O or U, so nothing reads two ways when typed back from paper). It unwraps the
//! data key when the passphrase is forgotten.

use crate::error::Error;
use zeroize::Zeroizing;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

pub struct RecoveryKey(Zeroizing<[u8; 32]>);

impl RecoveryKey {
    pub fn generate() -> Self {
        Self(Zeroizing::new(super::random_bytes()))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// As printed: `XXXX-XXXX-…` (52 characters in 13 groups; the last carries 4 spare bits).
    pub fn display(&self) -> Zeroizing<String> {
        let mut chars = String::with_capacity(64);
        let mut acc: u32 = 0;
        let mut bits = 0;
        for &b in self.0.iter() {
            acc = (acc << 8) | u32::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                chars.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
            }
        }
        if bits > 0 {
            chars.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
        }
        let groups: Vec<&str> = chars
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    /// Reads a key typed back: case, spaces and dashes do not matter, O reads as 0 and I or L
    /// as 1. Anything else is the field error `recovery_key: invalid`.
    pub fn parse(text: &str) -> crate::Result<Self> {
        let invalid = || Error::field("recovery_key", "invalid");
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut out = Zeroizing::new([0u8; 32]);
        let mut n = 0;
        let mut digits = 0;
        for c in text.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' | '\n' | '\r' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let v = ALPHABET
                .iter()
                .position(|&a| a as char == c)
                .ok_or_else(invalid)?;
            digits += 1;
            acc = (acc << 5) | v as u32;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                if n == 32 {
                    return Err(invalid());
                }
                out[n] = (acc >> bits) as u8;
                n += 1;
            }
        }
        if n != 32 || digits != 52 {
            return Err(invalid());
        }
        Ok(Self(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_key_reads_back_however_it_is_typed() {
        let k = RecoveryKey::generate();
        let shown = k.display();
        assert_eq!(shown.len(), 52 + 12);
        assert_eq!(shown.split('-').count(), 13);
        let back = RecoveryKey::parse(&shown).unwrap();
        assert_eq!(back.bytes(), k.bytes());
        let sloppy = shown.to_lowercase().replace('-', " ").replace('0', "o");
        assert_eq!(RecoveryKey::parse(&sloppy).unwrap().bytes(), k.bytes());
        assert!(RecoveryKey::parse(&shown[..50]).is_err());
        assert!(RecoveryKey::parse(&format!("{}U", &*shown)).is_err());
        assert!(RecoveryKey::parse(&format!("{}0", &*shown)).is_err());
    }
}
