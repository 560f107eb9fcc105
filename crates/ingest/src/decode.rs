//! Byte decoding and content ids.

use sha2::{Digest, Sha256};

/// Decodes raw bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, and
/// invalid UTF-8 with replacement characters. Rejects binary content (NUL bytes
/// in text that is not UTF-16).
pub fn decode_bytes(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        return Ok(char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect());
    }
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return Err("binary content: NUL bytes".into());
    }
    let text = String::from_utf8_lossy(bytes);
    let bad = text
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    if bad > 64 && bad * 10 > text.chars().count() {
        return Err("binary content: mostly undecodable bytes".into());
    }
    Ok(text.into_owned())
}

/// A stable id for content without a name: the first 16 hex digits of its SHA-256.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Shelling in Tovuz".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_bytes(&bytes).unwrap(), "Shelling in Tovuz");
    }

    #[test]
    fn binary_is_rejected_and_bad_utf8_is_repaired() {
        assert!(decode_bytes(&[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]).is_err());
        let t = decode_bytes(b"Kut \xff village").unwrap();
        assert!(t.starts_with("Kut ") && t.ends_with(" village"));
    }

    #[test]
    fn content_id_is_stable_and_short() {
        assert_eq!(content_id("a"), content_id("a"));
        assert_ne!(content_id("a"), content_id("b"));
        assert_eq!(content_id("a").len(), 16);
    }
}
