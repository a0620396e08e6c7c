//! Expanding paths into documents, lazily, in a stable order.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::jsonl::{self, JsonlLines};
use crate::open::{open, Opened};
use crate::parts;
use crate::warc::{Step, WarcRecords};
use crate::{decode, feed, Document, ErrorKind, IngestError, ReadOptions};

/// Bytes looked at to tell a JSON Feed from JSONL.
const SNIFF_BYTES: usize = 64 * 1024;

/// A directory walk that skips hidden entries.
type Walker = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// Iterates over the documents of a list of inputs: files, directories (recursively, entries
/// sorted by file name, hidden entries skipped) and `-` for standard input.
///
/// Paths are taken as the operating system gives them (a name that is not UTF-8 is read like
/// any other); documents and errors name them lossily. Only regular files and folders are
/// read: a FIFO, socket or device, named or met in a folder, is one error and never opened.
///
/// Yields one `Err` per input (or JSONL line, feed item, WARC record) that cannot be read and
/// carries on with the rest. Holds at most one file's contents at a time; a WARC archive is
/// streamed, one record at a time, whatever its size.
pub struct Inputs {
    options: ReadOptions,
    pending: VecDeque<PathBuf>,
    walker: Option<Walker>,
    ready: VecDeque<Result<Document, IngestError>>,
    warc: Option<WarcRecords>,
    lines: Option<JsonlLines>,
    parts: VecDeque<Document>,
    skipped: u64,
}

impl Inputs {
    /// Inputs from these paths, read with these options.
    pub fn new<I, P>(paths: I, options: ReadOptions) -> Inputs
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        Inputs {
            options,
            pending: paths
                .into_iter()
                .map(|p| p.as_ref().to_path_buf())
                .collect(),
            walker: None,
            ready: VecDeque::new(),
            warc: None,
            lines: None,
            parts: VecDeque::new(),
            skipped: 0,
        }
    }

    /// WARC records skipped so far because they hold no page: requests, metadata, warcinfo,
    /// redirects and other non-200 responses, non-HTML payloads. Errors are not counted here
    /// (they are yielded).
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    fn next_file(&mut self) -> Option<Result<PathBuf, IngestError>> {
        loop {
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(entry)) if entry.file_type().is_dir() => continue,
                    Some(Ok(entry)) if entry.file_type().is_file() => {
                        return Some(Ok(entry.into_path()))
                    }
                    Some(Ok(entry)) => {
                        let kind = ErrorKind::NotRegular(file_type_name(&entry.file_type()));
                        return Some(Err(IngestError::new(name_of(entry.path()), kind)));
                    }
                    Some(Err(err)) => {
                        let path = err.path().map(name_of).unwrap_or_default();
                        let reason = match err.io_error() {
                            Some(io) => io.to_string(),
                            None => err.to_string(),
                        };
                        return Some(Err(IngestError::new(path, ErrorKind::Walk(reason))));
                    }
                    None => self.walker = None,
                }
            }
            let path = self.pending.pop_front()?;
            if !is_stdin(&path) && path.is_dir() {
                self.walker = Some(
                    walkdir::WalkDir::new(&path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_entry(visible as fn(&walkdir::DirEntry) -> bool),
                );
                continue;
            }
            return Some(Ok(path));
        }
    }

    fn load(&mut self, file: PathBuf) {
        // --max-bytes bounds each record of an archive and each line of a JSONL file.
        let cap = self.options.max_file_bytes;
        let opened = open(&file, cap);
        let path = name_of(&file);
        let bytes = match opened {
            Ok(Opened::Bytes { bytes, trailing }) => {
                if let Some(kind) = trailing {
                    self.ready
                        .push_back(Err(IngestError::new(path.clone(), kind)));
                }
                bytes
            }
            Ok(Opened::Stream { stream, gzip, warc }) => {
                if warc {
                    self.warc = Some(WarcRecords::new(path, stream, gzip, cap));
                } else {
                    self.lines = Some(JsonlLines::new(path, stream, gzip, cap));
                }
                return;
            }
            Err(kind) => {
                self.ready.push_back(Err(IngestError::new(path, kind)));
                return;
            }
        };
        let head = String::from_utf8_lossy(bytes.get(..SNIFF_BYTES).unwrap_or(&bytes));
        if jsonl::looks_like_jsonl(&bytes) && !feed::looks_like_feed(&path, &head) {
            let stream = Box::new(std::io::Cursor::new(bytes));
            self.lines = Some(JsonlLines::new(path, stream, false, cap));
            return;
        }
        let text = match decode(&bytes) {
            Ok(text) => text,
            Err(kind) => {
                self.ready.push_back(Err(IngestError::new(path, kind)));
                return;
            }
        };
        if feed::looks_like_feed(&path, &text) {
            // The raw bytes: the XML parser decodes them per the feed's own declaration.
            self.ready.extend(feed::parse(&path, &bytes));
        } else if jsonl::has_jsonl_name(&path) || jsonl::looks_like_jsonl(text.as_bytes()) {
            // UTF-16 JSONL: decoded whole, then read line by line.
            let stream = Box::new(std::io::Cursor::new(text.into_bytes()));
            self.lines = Some(JsonlLines::new(path, stream, false, cap));
        } else if looks_like_html(&text) {
            self.ready.push_back(
                storyline_html::extract(&text, None)
                    .map(|page| Document {
                        source: path.clone(),
                        text: page.text,
                        meta: page.meta,
                        stub: false,
                    })
                    .map_err(|e| IngestError::new(path, ErrorKind::Html(e.to_string()))),
            );
        } else {
            self.ready.push_back(Ok(Document {
                source: path,
                text,
                meta: Default::default(),
                stub: false,
            }));
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, IngestError>;

    /// The next document, or the next part of a text longer than
    /// [`ReadOptions::max_part_bytes`].
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(part) = self.parts.pop_front() {
            return Some(Ok(part));
        }
        match self.next_whole()? {
            Ok(doc) if doc.text.len() > self.options.max_part_bytes => {
                self.parts = parts::split(doc, self.options.max_part_bytes).into();
                self.parts.pop_front().map(Ok)
            }
            other => Some(other),
        }
    }
}

impl Inputs {
    /// The next whole document (or error), however long.
    fn next_whole(&mut self) -> Option<Result<Document, IngestError>> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
                continue;
            }
            if let Some(warc) = &mut self.warc {
                match warc.next_step() {
                    Some(Step::Document(doc)) => return Some(Ok(doc)),
                    Some(Step::Error(err)) => return Some(Err(err)),
                    Some(Step::Skipped) => self.skipped += 1,
                    None => self.warc = None,
                }
                continue;
            }
            match self.next_file()? {
                Ok(path) => self.load(path),
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

/// Whether a walked entry is kept: the root always, others unless their name starts with a dot
/// (whatever the rest of the name, UTF-8 or not).
fn visible(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0 || entry.file_name().as_encoded_bytes().first() != Some(&b'.')
}

/// Whether a path is `-`, standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// A path as documents and errors name it: lossily converted where it is not UTF-8 (control
/// characters are escaped where it is printed, not here).
pub(crate) fn name_of(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// What a file that is neither a regular file nor a folder is, for the error naming it.
pub(crate) fn file_type_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_symlink() {
        return "a dangling symbolic link";
    }
    "not a regular file"
}

/// Whether decoded text is an HTML page: by content, not extension (saved pages often have
/// none, or `.php`). Looks for a doctype or an `<html>`/`<head>`/`<body>` tag near the start.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.contains("<html")
        || head.contains("<head")
        || head.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("storyline-ingest-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn walks_directories_in_order_and_reports_bad_files() {
        let dir = temp_dir("walk");
        fs::create_dir_all(dir.join("sub")).expect("mkdir");
        fs::write(dir.join("b.txt"), "Second story.").expect("write");
        fs::write(dir.join("a.txt"), "First story.").expect("write");
        fs::write(dir.join("sub/c.txt"), "Third story.").expect("write");
        fs::write(dir.join("empty.txt"), "").expect("write");
        fs::write(dir.join(".hidden"), "skip me").expect("write");
        let dir_str = dir.to_string_lossy().into_owned();
        let results: Vec<_> = Inputs::new([dir_str.as_str()], ReadOptions::default()).collect();
        let texts: Vec<_> = results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(texts, ["First story.", "Second story.", "Third story."]);
        let errors: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].source.ends_with("empty.txt"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn refuses_oversized_and_missing_files() {
        let dir = temp_dir("big");
        let big = dir.join("big.txt");
        fs::write(&big, "word ".repeat(100)).expect("write");
        let options = ReadOptions {
            max_file_bytes: 64,
            ..ReadOptions::default()
        };
        let big_str = big.to_string_lossy().into_owned();
        let missing = dir.join("missing.txt").to_string_lossy().into_owned();
        let results: Vec<_> = Inputs::new([big_str, missing], options).collect();
        assert!(matches!(
            results[0],
            Err(IngestError {
                kind: ErrorKind::TooLarge { .. },
                ..
            })
        ));
        assert!(matches!(
            results[1],
            Err(IngestError {
                kind: ErrorKind::Io(_),
                ..
            })
        ));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn html_pages_are_extracted_with_their_metadata() {
        let dir = temp_dir("html");
        let page = concat!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge reopens | Valley Times</title>",
            "<meta property=\"og:site_name\" content=\"Valley Times\">",
            "<meta property=\"article:published_time\" content=\"2024-04-02T08:00:00Z\">",
            "</head><body><nav>Home | News</nav><article><h1>Bridge reopens</h1>",
            "<p>The river bridge reopened on Monday after eight months of repairs, the council said.</p>",
            "<p>Engineers replaced the deck and strengthened the piers, and traffic returned by noon.</p>",
            "</article></body></html>"
        );
        fs::write(dir.join("page"), page).expect("write");
        let dir_str = dir.to_string_lossy().into_owned();
        let docs: Vec<_> = Inputs::new([dir_str], ReadOptions::default()).collect();
        let doc = docs[0].as_ref().expect("extracted");
        assert!(
            doc.text.contains("The river bridge reopened on Monday"),
            "{}",
            doc.text
        );
        assert!(!doc.text.contains("<p>"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Valley Times"));
        assert_eq!(
            doc.meta.published.as_deref().map(|d| &d[..10]),
            Some("2024-04-02")
        );
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn gzip_is_read_transparently_and_truncation_is_an_error() {
        use std::io::Write;
        let dir = temp_dir("gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"The ferry service resumed on Monday.")
            .expect("compress");
        let gz = enc.finish().expect("finish");
        fs::write(dir.join("a.txt.gz"), &gz).expect("write");
        fs::write(dir.join("b.txt.gz"), &gz[..gz.len() / 2]).expect("write");
        let dir_str = dir.to_string_lossy().into_owned();
        let results: Vec<_> = Inputs::new([dir_str], ReadOptions::default()).collect();
        assert_eq!(
            results[0].as_ref().map(|d| d.text.as_str()).ok(),
            Some("The ferry service resumed on Monday.")
        );
        assert!(matches!(
            results[1],
            Err(IngestError {
                kind: ErrorKind::Gzip(_),
                ..
            })
        ));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn feeds_archives_and_bodiless_pages_by_content() {
        use std::io::Write;
        let dir = temp_dir("web");
        let rss = concat!(
            "<rss version=\"2.0\"><channel><title>Dale Post</title><item>",
            "<title>Market hall to reopen</title><link>https://dale.example/market</link>",
            "<description>The market hall reopens in May after a new roof.</description>",
            "</item></channel></rss>"
        );
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(rss.as_bytes()).expect("compress");
        fs::write(dir.join("a-feed.gz"), enc.finish().expect("finish")).expect("write");
        let warc = concat!(
            "WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n",
            "WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 2\r\n\r\nok\r\n\r\n"
        );
        fs::write(dir.join("b-crawl"), warc).expect("write");
        fs::write(
            dir.join("c-page.html"),
            "<html><head><title>Only a head</title></head><body></body></html>",
        )
        .expect("write");
        let dir_str = dir.to_string_lossy().into_owned();
        let mut inputs = Inputs::new([dir_str], ReadOptions::default());
        let results: Vec<_> = inputs.by_ref().collect();
        assert_eq!(results.len(), 2, "{results:?}");
        let item = results[0].as_ref().expect("feed item");
        assert!(item.stub);
        assert_eq!(item.source, "https://dale.example/market");
        assert_eq!(item.meta.outlet.as_deref(), Some("Dale Post"));
        let err = results[1].as_ref().expect_err("no body");
        assert!(err.source.ends_with("c-page.html"));
        assert!(matches!(err.kind, ErrorKind::Html(_)));
        assert_eq!(inputs.skipped(), 2);
        let _ = fs::remove_dir_all(&dir);
    }
}
