//! Expanding paths into documents, lazily, in a stable order.

use std::collections::VecDeque;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::{decode, jsonl, Document, ErrorKind, IngestError, ReadOptions};

/// A directory walk that skips hidden entries.
type Walker = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// Iterates over the documents of a list of inputs: files, directories (recursively, entries
/// sorted by file name, hidden entries skipped) and `-` for standard input.
///
/// Yields one `Err` per input (or JSONL line) that cannot be read and carries on with the rest.
/// Holds at most one file's contents at a time.
pub struct Inputs {
    options: ReadOptions,
    pending: VecDeque<String>,
    walker: Option<Walker>,
    ready: VecDeque<Result<Document, IngestError>>,
}

impl Inputs {
    /// Inputs from these paths, read with these options.
    pub fn new<I, P>(paths: I, options: ReadOptions) -> Inputs
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        Inputs {
            options,
            pending: paths.into_iter().map(|p| p.as_ref().to_string()).collect(),
            walker: None,
            ready: VecDeque::new(),
        }
    }

    fn next_file(&mut self) -> Option<Result<String, IngestError>> {
        loop {
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(entry)) if entry.file_type().is_file() => {
                        return Some(Ok(entry.path().to_string_lossy().into_owned()))
                    }
                    Some(Ok(_)) => continue,
                    Some(Err(err)) => {
                        let path = err
                            .path()
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or_default();
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
            if path != "-" && Path::new(&path).is_dir() {
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

    fn load(&mut self, path: String) {
        let bytes = match read_bounded(&path, self.options.max_file_bytes) {
            Ok(bytes) => bytes,
            Err(kind) => {
                self.ready.push_back(Err(IngestError::new(path, kind)));
                return;
            }
        };
        let text = match decode(&bytes) {
            Ok(text) => text,
            Err(kind) => {
                self.ready.push_back(Err(IngestError::new(path, kind)));
                return;
            }
        };
        if jsonl::looks_like_jsonl(&path, &text) {
            self.ready.extend(jsonl::parse(&path, &text));
        } else if looks_like_html(&text) {
            self.ready.push_back(
                storyline_html::extract(&text, None)
                    .map(|page| Document {
                        source: path.clone(),
                        text: page.text,
                        meta: page.meta,
                    })
                    .map_err(|e| IngestError::new(path, ErrorKind::Html(e.to_string()))),
            );
        } else {
            self.ready.push_back(Ok(Document {
                source: path,
                text,
                meta: Default::default(),
            }));
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            match self.next_file()? {
                Ok(path) => self.load(path),
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

/// Whether a walked entry is kept: the root always, others unless their name starts with a dot.
fn visible(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0
        || !entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

/// Whether decoded text is an HTML page: by content, not extension (saved pages often have
/// none, or `.php`). Looks for a doctype or an `<html>`/`<head>`/`<body>` tag near the start.
fn looks_like_html(text: &str) -> bool {
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

/// Reads a file or stdin (`-`), refusing anything over `limit` bytes without loading it all.
fn read_bounded(path: &str, limit: u64) -> Result<Vec<u8>, ErrorKind> {
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = File::open(path)?;
        if file.metadata()?.len() > limit {
            return Err(ErrorKind::TooLarge { limit_bytes: limit });
        }
        Box::new(file)
    };
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ErrorKind::TooLarge { limit_bytes: limit });
    }
    if bytes.starts_with(&GZIP_MAGIC) {
        return gunzip_bounded(&bytes, limit);
    }
    Ok(bytes)
}

/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Decompresses gzip (one or more members), refusing output over `limit` bytes so a
/// decompression bomb costs no more memory than a large plain file.
fn gunzip_bounded(bytes: &[u8], limit: u64) -> Result<Vec<u8>, ErrorKind> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| ErrorKind::Gzip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(ErrorKind::TooLarge { limit_bytes: limit });
    }
    Ok(out)
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
        let options = ReadOptions { max_file_bytes: 64 };
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
}
