//! Opening one input: peeks at its first bytes (through gzip when compressed) to tell a WARC
//! archive, which is streamed record by record whatever its size, from everything else, which
//! is read whole up to the size limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};

use crate::ErrorKind;

/// The first two bytes of every gzip member.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What every WARC record (1.0, 1.1) starts with.
const WARC_MAGIC: &[u8] = b"WARC/";

/// Read buffer for streamed archives: large reads keep gzip and the disk busy.
const STREAM_BUFFER_BYTES: usize = 256 * 1024;

/// An opened input.
pub enum Opened {
    /// A whole input, decompressed, within the size limit.
    Bytes(Vec<u8>),
    /// A WARC archive, to be read record by record.
    Warc {
        /// The (decompressed) archive.
        stream: Box<dyn BufRead>,
        /// Whether it was gzipped (whole or per record), so read errors are gzip errors.
        gzip: bool,
    },
}

/// Opens a file or stdin (`-`). Anything but a WARC archive over `limit` bytes (before or
/// after decompression) is refused without being loaded.
pub fn open(path: &str, limit: u64) -> Result<Opened, ErrorKind> {
    let (raw, file_len): (Box<dyn Read>, Option<u64>) = if path == "-" {
        (Box::new(io::stdin().lock()), None)
    } else {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        (Box::new(file), Some(len))
    };
    let mut raw = BufReader::with_capacity(STREAM_BUFFER_BYTES, raw);
    let head = read_prefix(&mut raw, WARC_MAGIC.len())?;
    let raw = Cursor::new(head.clone()).chain(raw);
    if head.starts_with(&GZIP_MAGIC) {
        let mut unzipped = flate2::read::MultiGzDecoder::new(raw);
        let inner_head = read_prefix(&mut unzipped, WARC_MAGIC.len()).map_err(gzip_error)?;
        let stream = Cursor::new(inner_head.clone()).chain(unzipped);
        if inner_head.starts_with(WARC_MAGIC) {
            return Ok(Opened::Warc {
                stream: Box::new(BufReader::with_capacity(STREAM_BUFFER_BYTES, stream)),
                gzip: true,
            });
        }
        return read_limited(stream, limit)
            .map_err(gzip_error)?
            .map(Opened::Bytes);
    }
    if head.starts_with(WARC_MAGIC) {
        return Ok(Opened::Warc {
            stream: Box::new(BufReader::with_capacity(STREAM_BUFFER_BYTES, raw)),
            gzip: false,
        });
    }
    if file_len.is_some_and(|len| len > limit) {
        return Err(ErrorKind::TooLarge { limit_bytes: limit });
    }
    read_limited(raw, limit)?.map(Opened::Bytes)
}

/// Reads up to `n` bytes (fewer only at the end of the input).
fn read_prefix<R: Read>(reader: &mut R, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Reads everything, or `Ok(Err(TooLarge))` as soon as the input passes `limit` bytes, so a
/// decompression bomb costs no more memory than a large plain file.
fn read_limited<R: Read>(reader: R, limit: u64) -> io::Result<Result<Vec<u8>, ErrorKind>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Err(ErrorKind::TooLarge { limit_bytes: limit }));
    }
    Ok(Ok(bytes))
}

/// A read failure inside a gzip stream: corrupt or truncated data.
pub fn gzip_error(err: io::Error) -> ErrorKind {
    ErrorKind::Gzip(err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_file(name: &str, bytes: &[u8]) -> String {
        let path = std::env::temp_dir().join(format!(
            "storyline-ingest-open-{name}-{}",
            std::process::id()
        ));
        std::fs::write(&path, bytes).expect("write");
        path.to_string_lossy().into_owned()
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).expect("compress");
        enc.finish().expect("finish")
    }

    #[test]
    fn tells_archives_from_plain_inputs() {
        let plain = temp_file("plain", b"The harbour reopened on Tuesday.");
        assert!(matches!(open(&plain, 1024), Ok(Opened::Bytes(b)) if b.len() == 32));
        let warc = temp_file("warc", b"WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
        assert!(matches!(
            open(&warc, 8),
            Ok(Opened::Warc { gzip: false, .. })
        ));
        let gz_warc = temp_file("gzwarc", &gzip(b"WARC/1.0\r\n"));
        assert!(matches!(
            open(&gz_warc, 8),
            Ok(Opened::Warc { gzip: true, .. })
        ));
        let tiny = temp_file("tiny", b"ok");
        assert!(matches!(open(&tiny, 8), Ok(Opened::Bytes(b)) if b == b"ok"));
        for path in [plain, warc, gz_warc, tiny] {
            let _ = std::fs::remove_file(path);
        }
    }

    #[test]
    fn limits_apply_to_plain_and_decompressed_inputs() {
        let big = temp_file("big", &[b'a'; 100]);
        assert!(matches!(open(&big, 10), Err(ErrorKind::TooLarge { .. })));
        let bomb = temp_file("bomb", &gzip(&[b'a'; 100_000]));
        assert!(matches!(open(&bomb, 1000), Err(ErrorKind::TooLarge { .. })));
        let gz = gzip(b"A long enough story about the county fair.");
        let truncated = temp_file("trunc", gz.get(..gz.len() / 2).unwrap_or_default());
        assert!(matches!(open(&truncated, 1000), Err(ErrorKind::Gzip(_))));
        for path in [big, bomb, truncated] {
            let _ = std::fs::remove_file(path);
        }
    }
}
