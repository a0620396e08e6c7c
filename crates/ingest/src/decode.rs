//! Bytes to text: UTF-8, UTF-16 with BOM, or a detected legacy encoding; binary refused.

use crate::ErrorKind;
use encoding_rs::Encoding;

/// Share of control bytes (besides tab, newline, carriage return, form feed) above which a
/// file is binary; real text, even badly scraped, has next to none.
const MAX_CONTROL_PER_MILLE: usize = 5;

/// Decodes one input's bytes into text.
///
/// UTF-8 (with or without BOM) and UTF-16 with BOM are decoded exactly. Bytes that are not
/// UTF-8 and hold no valid multi-byte UTF-8 sequence are taken as a legacy encoding
/// (Windows-1252, Latin-1, …) guessed by `chardetng`. Refused: empty input, NUL bytes or
/// many control bytes (binary), and UTF-8 broken midway (valid multi-byte sequences mixed
/// with invalid ones), which no guess would decode right.
pub fn decode(bytes: &[u8]) -> Result<String, ErrorKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ErrorKind::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| {
                ErrorKind::Encoding(format!(
                    "invalid {} after its byte-order mark",
                    encoding.name()
                ))
            })?;
        return check_text(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(ErrorKind::Binary("NUL bytes"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text.to_string()),
        Err(err) => {
            let has_multibyte_utf8 = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
            if has_multibyte_utf8 {
                return Err(ErrorKind::Encoding(format!(
                    "invalid UTF-8 sequence at byte {}",
                    err.valid_up_to()
                )));
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(None, true);
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| {
                    ErrorKind::Encoding(format!(
                        "not UTF-8, and not valid {} either",
                        encoding.name()
                    ))
                })?;
            check_text(text.into_owned())
        }
    }
}

/// Refuses decoded text that is mostly control characters (a binary file that happened to
/// decode).
fn check_text(text: String) -> Result<String, ErrorKind> {
    if text.contains('\0') {
        return Err(ErrorKind::Binary("NUL characters"));
    }
    let control = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if control * 1000 > text.chars().count() * MAX_CONTROL_PER_MILLE {
        return Err(ErrorKind::Binary("control characters"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(
            decode("Kyiv – “calm”".as_bytes()).ok().as_deref(),
            Some("Kyiv – “calm”")
        );
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let bytes = b"\xEF\xBB\xBFHello";
        assert_eq!(decode(bytes).ok().as_deref(), Some("Hello"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Zürich said".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).ok().as_deref(), Some("Zürich said"));
    }

    #[test]
    fn windows_1252_is_detected() {
        // "café – “quoted”" in Windows-1252: é=E9, en dash=96, curly quotes=93/94.
        let bytes =
            b"The caf\xE9 owner said \x93we are open\x94 \x96 again, on Monday in Z\xFCrich.";
        let text = decode(bytes).expect("decodes");
        assert!(text.contains("café"), "{text}");
        assert!(text.contains("“we are open”"), "{text}");
    }

    #[test]
    fn refuses_empty_binary_and_broken_utf8() {
        assert!(matches!(decode(b""), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t"), Err(ErrorKind::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ErrorKind::Binary(_))
        ));
        assert!(matches!(
            decode(b"text\x01\x02\x03\x04\x05\x06"),
            Err(ErrorKind::Binary(_))
        ));
        let broken = b"Kyiv \xE2\x80\x93 ok then \xFF\xFE broken";
        assert!(matches!(decode(broken), Err(ErrorKind::Encoding(_))));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = decode(&bytes);
        }
    }
}
