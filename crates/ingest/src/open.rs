//! Opening one input: peeks at its first bytes (through gzip when compressed) to tell a WARC
//! archive or a file named as JSONL, which are streamed record by record (line by line)
//! whatever their size, from everything else, which is read whole up to the size limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use crate::walk::{file_type_name, is_stdin};
use crate::{jsonl, ErrorKind};

/// The first two bytes of every gzip member.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What every WARC record (1.0, 1.1) starts with.
const WARC_MAGIC: &[u8] = b"WARC/";

/// Read buffer for streamed archives: large reads keep gzip and the disk busy.
const STREAM_BUFFER_BYTES: usize = 256 * 1024;

/// An opened input.
pub enum Opened {
    /// A whole input, decompressed, within the size limit.
    Bytes {
        /// The contents.
        bytes: Vec<u8>,
        /// Something wrong after the good part, which is kept: data after the last gzip
        /// member.
        trailing: Option<ErrorKind>,
    },
    /// A streamed input: a WARC archive (read record by record) or a JSONL file (line by line).
    Stream {
        /// The (decompressed) input.
        stream: Box<dyn BufRead>,
        /// Whether it was gzipped (whole or per record), so read errors are gzip errors.
        gzip: bool,
        /// Whether it is a WARC archive; else JSONL.
        warc: bool,
    },
}

/// Opens a file or stdin (`-`). Anything but a WARC archive or a file named as JSONL over
/// `limit` bytes (before or after decompression) is refused without being loaded. Anything but
/// a regular file (a FIFO, a device) is refused before it is opened, since opening or reading
/// one can block forever.
pub fn open(path: &Path, limit: u64) -> Result<Opened, ErrorKind> {
    let stdin = is_stdin(path);
    let (raw, file_len): (Box<dyn Read>, Option<u64>) = if stdin {
        (Box::new(io::stdin().lock()), None)
    } else {
        let kind = std::fs::metadata(path)?.file_type();
        if !kind.is_file() {
            return Err(ErrorKind::NotRegular(file_type_name(&kind)));
        }
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        (Box::new(file), Some(len))
    };
    let mut raw = BufReader::with_capacity(STREAM_BUFFER_BYTES, raw);
    let head = read_prefix(&mut raw, WARC_MAGIC.len())?;
    let raw = Cursor::new(head.clone()).chain(raw);
    let by_name = !stdin && jsonl::has_jsonl_name(&path.to_string_lossy());
    if head.starts_with(&GZIP_MAGIC) {
        let mut unzipped = GzMembers::new(raw);
        let inner_head = read_prefix(&mut unzipped, WARC_MAGIC.len()).map_err(gzip_error)?;
        let stream = Cursor::new(inner_head.clone()).chain(unzipped);
        let warc = inner_head.starts_with(WARC_MAGIC);
        if warc || (by_name && !has_utf16_bom(&inner_head)) {
            return Ok(Opened::Stream {
                stream: Box::new(BufReader::with_capacity(STREAM_BUFFER_BYTES, stream)),
                gzip: true,
                warc,
            });
        }
        return read_limited(stream, limit);
    }
    let warc = head.starts_with(WARC_MAGIC);
    if warc || (by_name && !has_utf16_bom(&head)) {
        return Ok(Opened::Stream {
            stream: Box::new(BufReader::with_capacity(STREAM_BUFFER_BYTES, raw)),
            gzip: false,
            warc,
        });
    }
    if file_len.is_some_and(|len| len > limit) {
        return Err(ErrorKind::TooLarge { limit_bytes: limit });
    }
    read_limited(raw, limit)
}

/// Whether bytes start with a UTF-16 byte-order mark (such text cannot be split at `\n` bytes).
fn has_utf16_bom(head: &[u8]) -> bool {
    head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF])
}

/// Reads up to `n` bytes (fewer only at the end of the input).
fn read_prefix<R: Read>(reader: &mut R, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Reads everything, refused as soon as the input passes `limit` bytes, so a decompression
/// bomb costs no more memory than a large plain file. Data after the last gzip member is
/// reported, the members before it kept.
fn read_limited<R: Read>(reader: R, limit: u64) -> Result<Opened, ErrorKind> {
    let mut bytes = Vec::new();
    let mut trailing = None;
    if let Err(err) = reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        if !is_trailing_data(&err) {
            return Err(gzip_error(err));
        }
        trailing = Some(gzip_error(err));
    }
    if bytes.len() as u64 > limit {
        return Err(ErrorKind::TooLarge { limit_bytes: limit });
    }
    Ok(Opened::Bytes { bytes, trailing })
}

/// A read failure inside a gzip stream: corrupt or truncated data.
pub fn gzip_error(err: io::Error) -> ErrorKind {
    ErrorKind::Gzip(err.to_string())
}

/// Data after a complete gzip member that is not another member.
#[derive(Debug)]
struct TrailingData {
    members: u64,
}

impl std::fmt::Display for TrailingData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "data after gzip member {} is not gzip; it is ignored, what came before is kept",
            self.members
        )
    }
}

impl std::error::Error for TrailingData {}

fn is_trailing_data(err: &io::Error) -> bool {
    err.get_ref()
        .is_some_and(|inner| inner.is::<TrailingData>())
}

/// Decompresses one or more concatenated gzip members. Where what follows a complete member
/// cannot start another one (garbage, padding), the stream ends with a [`TrailingData`]
/// error after everything decoded so far; corrupt or truncated members are errors as usual.
struct GzMembers<R: BufRead> {
    decoder: Option<flate2::bufread::GzDecoder<R>>,
    members_done: u64,
    member_bytes: u64,
}

impl<R: BufRead> GzMembers<R> {
    fn new(input: R) -> GzMembers<R> {
        GzMembers {
            decoder: Some(flate2::bufread::GzDecoder::new(input)),
            members_done: 0,
            member_bytes: 0,
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while let Some(decoder) = self.decoder.as_mut() {
            match decoder.read(buf) {
                Ok(0) => {
                    self.members_done += 1;
                    self.member_bytes = 0;
                    let Some(mut input) = self.decoder.take().map(|d| d.into_inner()) else {
                        break;
                    };
                    if !input.fill_buf()?.is_empty() {
                        self.decoder = Some(flate2::bufread::GzDecoder::new(input));
                    }
                }
                Ok(n) => {
                    self.member_bytes += n as u64;
                    return Ok(n);
                }
                Err(_) if self.members_done > 0 && self.member_bytes == 0 => {
                    self.decoder = None;
                    let members = self.members_done;
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        TrailingData { members },
                    ));
                }
                Err(err) => return Err(err),
            }
        }
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!(
            "storyline-ingest-open-{name}-{}",
            std::process::id()
        ));
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).expect("compress");
        enc.finish().expect("finish")
    }

    #[test]
    fn tells_archives_from_plain_inputs() {
        let plain = temp_file("plain", b"The harbour reopened on Tuesday.");
        assert!(matches!(open(&plain, 1024), Ok(Opened::Bytes { bytes, .. }) if bytes.len() == 32));
        let warc = temp_file("warc", b"WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
        assert!(matches!(
            open(&warc, 8),
            Ok(Opened::Stream {
                gzip: false,
                warc: true,
                ..
            })
        ));
        let gz_warc = temp_file("gzwarc", &gzip(b"WARC/1.0\r\n"));
        assert!(matches!(
            open(&gz_warc, 8),
            Ok(Opened::Stream {
                gzip: true,
                warc: true,
                ..
            })
        ));
        let tiny = temp_file("tiny", b"ok");
        assert!(matches!(open(&tiny, 8), Ok(Opened::Bytes { bytes, .. }) if bytes == b"ok"));
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

    #[test]
    fn garbage_after_a_gzip_member_keeps_the_member() {
        let mut bytes = gzip(b"The quay was rebuilt. ");
        bytes.extend_from_slice(&gzip(b"Boats returned."));
        bytes.extend_from_slice(b"\x00\x00garbage after the members");
        let path = temp_file("garbage", &bytes);
        match open(&path, 1000) {
            Ok(Opened::Bytes {
                bytes,
                trailing: Some(ErrorKind::Gzip(reason)),
            }) => {
                assert_eq!(bytes, b"The quay was rebuilt. Boats returned.");
                assert!(reason.contains("member 2"), "{reason}");
            }
            _ => panic!("members not kept"),
        }
        let _ = std::fs::remove_file(path);
    }
}
