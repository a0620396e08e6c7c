//! HTTP responses as archived in WARC `response` records: status and headers parsed, the body
//! de-chunked, decompressed and decoded to text per its charset.

use std::io::Read;

use encoding_rs::Encoding;

use crate::open::GZIP_MAGIC;

/// Most headers read from one archived response; real ones have a few dozen.
const MAX_HEADERS: usize = 256;

/// How far into a page a `<meta charset>` declaration is looked for (the HTML standard says
/// 1024 bytes; pages that put it later are usually also served with a header).
const META_CHARSET_WINDOW: usize = 1024;

/// An archived HTML page, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlResponse {
    /// The page's markup as text.
    pub html: String,
    /// The `Last-Modified` header, as sent.
    pub last_modified: Option<String>,
    /// The `Date` header, as sent.
    pub date: Option<String>,
}

/// Reads an archived HTTP response. `Ok(None)` when it is not a page to keep (a status other
/// than 200, or a payload that is not HTML); `Err` when it claims to be one but cannot be read.
/// `cap` bounds the decompressed body.
pub fn html_response(block: &[u8], cap: u64) -> Result<Option<HtmlResponse>, String> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let body_start = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("HTTP response headers are cut off".into()),
        Err(e) => return Err(format!("not an HTTP response: {e}")),
    };
    if response.code != Some(200) {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = header("content-type").map(|v| v.to_ascii_lowercase());
    if content_type.as_deref().is_some_and(|t| !t.contains("html")) {
        return Ok(None);
    }
    let mut body = block.get(body_start..).unwrap_or_default().to_vec();
    if header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        // Some crawlers store the body already de-chunked but keep the header: keep the body
        // as it is when it does not parse as chunks.
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    let encoding = header("content-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    body = decompress(body, &encoding, cap)?;
    let html = decode_body(&body, content_type.as_deref())?;
    if content_type.is_none() && !crate::walk::looks_like_html(&html) {
        return Ok(None);
    }
    Ok(Some(HtmlResponse {
        html,
        last_modified: header("last-modified"),
        date: header("date"),
    }))
}

/// Joins the chunks of a `Transfer-Encoding: chunked` body; `None` if it is not one.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let (start, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(found)) => found,
            // A body cut short at the end (a truncated capture): keep what arrived.
            Ok(httparse::Status::Partial) if !out.is_empty() => return Some(out),
            _ => return None,
        };
        if size == 0 {
            return Some(out);
        }
        let data = rest.get(start..)?;
        let size = usize::try_from(size).ok()?;
        match data.get(..size) {
            Some(chunk) => out.extend_from_slice(chunk),
            None => {
                out.extend_from_slice(data);
                return Some(out);
            }
        }
        rest = data.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// Undoes a `Content-Encoding`, bounded by `cap` bytes of output.
fn decompress(body: Vec<u8>, encoding: &str, cap: u64) -> Result<Vec<u8>, String> {
    let read_capped = |reader: &mut dyn Read| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        reader
            .take(cap.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| format!("bad {encoding} body: {e}"))?;
        if out.len() as u64 > cap {
            return Err(format!("decompressed body is over the {cap}-byte limit"));
        }
        Ok(out)
    };
    match encoding {
        "" | "identity" | "none" => Ok(body),
        // Archives sometimes hold the body already decoded: only gunzip what is gzip.
        "gzip" | "x-gzip" if body.starts_with(&GZIP_MAGIC) => {
            read_capped(&mut flate2::read::MultiGzDecoder::new(body.as_slice()))
        }
        "gzip" | "x-gzip" => Ok(body),
        "deflate" => {
            // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
            read_capped(&mut flate2::read::ZlibDecoder::new(body.as_slice()))
                .or_else(|_| read_capped(&mut flate2::read::DeflateDecoder::new(body.as_slice())))
        }
        other => Err(format!("unsupported Content-Encoding {other:?}")),
    }
}

/// Decodes a body per the charset of its `Content-Type`, else of its `<meta charset>`, else by
/// detection as for files.
fn decode_body(body: &[u8], content_type: Option<&str>) -> Result<String, String> {
    let label = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(body.get(..META_CHARSET_WINDOW).unwrap_or(body)));
    match label.and_then(|l| Encoding::for_label(l.as_bytes())) {
        Some(encoding) => {
            let (text, _, _) = encoding.decode(body);
            if text.contains('\0') {
                return Err("binary content (NUL bytes), not a page".into());
            }
            Ok(text.into_owned())
        }
        None => crate::decode(body).map_err(|e| e.to_string()),
    }
}

/// The `charset=` parameter of a header value.
fn charset_param(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let rest = lower.get(at + "charset=".len()..)?;
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| matches!(c, '"' | '\'' | ';' | ',' | '>' | '/') || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = rest.get(..end)?;
    (!label.is_empty()).then(|| label.to_string())
}

/// The charset declared by a `<meta charset>` or `<meta http-equiv>` near the start of a page.
fn meta_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head);
    let lower = text.to_ascii_lowercase();
    let at = lower.find("<meta")?;
    charset_param(lower.get(at..)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const PAGE: &str = "<html><body><p>Café owners said trade was up.</p></body></html>";

    fn response(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn plain_chunked_and_gzipped_bodies() {
        let plain = response(
            "Content-Type: text/html; charset=utf-8\r\n",
            PAGE.as_bytes(),
        );
        let page = html_response(&plain, 1 << 20).ok().flatten();
        assert_eq!(page.map(|p| p.html).as_deref(), Some(PAGE));

        let (a, b) = PAGE.as_bytes().split_at(20);
        let mut chunked = format!("{:x}\r\n", a.len()).into_bytes();
        chunked.extend_from_slice(a);
        chunked.extend_from_slice(format!("\r\n{:x}\r\n", b.len()).as_bytes());
        chunked.extend_from_slice(b);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let raw = response(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nDate: Mon, 01 Jul 2024 09:30:00 GMT\r\n",
            &chunked,
        );
        let page = html_response(&raw, 1 << 20).ok().flatten();
        assert_eq!(page.as_ref().map(|p| p.html.as_str()), Some(PAGE));
        assert_eq!(
            page.and_then(|p| p.date).as_deref(),
            Some("Mon, 01 Jul 2024 09:30:00 GMT")
        );

        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(PAGE.as_bytes()).expect("compress");
        let gz = enc.finish().expect("finish");
        let raw = response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", &gz);
        let page = html_response(&raw, 1 << 20).ok().flatten();
        assert_eq!(page.map(|p| p.html).as_deref(), Some(PAGE));
        assert!(html_response(&raw, 10).is_err(), "decompression is capped");
    }

    #[test]
    fn charset_from_header_or_meta() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 reopens</p></body></html>";
        let raw = response("Content-Type: text/html\r\n", latin1);
        let page = html_response(&raw, 1 << 20).ok().flatten();
        assert!(page.is_some_and(|p| p.html.contains("Café reopens")));
        let raw = response(
            "Content-Type: text/html; charset=windows-1252\r\n",
            b"<p>\x93Open\x94</p>",
        );
        let page = html_response(&raw, 1 << 20).ok().flatten();
        assert!(page.is_some_and(|p| p.html.contains("“Open”")));
    }

    #[test]
    fn skips_non_pages_and_refuses_broken_ones() {
        let redirect = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\n\r\n";
        assert_eq!(html_response(redirect, 1 << 20), Ok(None));
        let image = response("Content-Type: image/png\r\n", b"\x89PNG");
        assert_eq!(html_response(&image, 1 << 20), Ok(None));
        let untyped_text = response("", b"just words, no markup");
        assert_eq!(html_response(&untyped_text, 1 << 20), Ok(None));
        assert!(html_response(b"HTTP/1.1 200 OK\r\nContent-Ty", 1 << 20).is_err());
        assert!(html_response(b"\x00\x01garbage", 1 << 20).is_err());
        let brotli = response("Content-Type: text/html\r\nContent-Encoding: br\r\n", b"xx");
        assert!(html_response(&brotli, 1 << 20).is_err());
    }
}
