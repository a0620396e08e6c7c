//! `storyline crawl`: fetch feeds and pages politely, run the pipeline, store the articles.
//!
//! Glue only: flags become a `storyline_crawl::Config`; each URL is crawled (a feed's stub
//! items completed from their links), its documents processed and stored in one batch, then
//! its ETag / Last-Modified recorded (table `crawl_validators` in the same database file) so
//! the next run asks conditionally. Errors name their URL; the exit status is 1 if any failed.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use clap::Args;
use storyline_crawl::{Config, Crawler, Fetcher, PrivateAddresses, ValidatorTable};
use storyline_pipeline::Pipeline;
use storyline_record::Record;
use storyline_store::{BatchSummary, Provenance, Store};

use crate::extract::process;
use crate::messages;
use crate::store_cmds::DbArgs;

/// Flags of `storyline crawl`.
#[derive(Args, Debug)]
pub struct CrawlArgs {
    /// Feed (RSS, Atom, JSON Feed) or page URLs, http or https.
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Requests per second to any one host (robots.txt's Crawl-delay can only slow it).
    #[arg(long, value_name = "N", default_value_t = 1.0)]
    pub rate: f64,
    /// Seconds one request may take in all, from lookup to its last body byte.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub timeout: f64,
    /// Seconds to wait for a DNS answer and a connection.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub connect_timeout: f64,
    /// Seconds to wait for any one read from the server.
    #[arg(long, value_name = "SECS", default_value_t = 20.0)]
    pub read_timeout: f64,
    /// Largest response body read, in bytes; reading stops there and the URL fails.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Items read from one feed at most.
    #[arg(long, value_name = "N", default_value_t = storyline_crawl::DEFAULT_MAX_ITEMS_PER_FEED)]
    pub max_items: usize,
    /// Also fetch loopback, private and link-local addresses (an intranet). Refused by default:
    /// a URL from a feed must not reach this machine's or its network's services.
    #[arg(long, conflicts_with = "allow_loopback")]
    pub allow_private: bool,
    /// Also fetch loopback addresses (a server on this machine), but no other private ones.
    #[arg(long)]
    pub allow_loopback: bool,
}

impl CrawlArgs {
    fn config(&self) -> Result<Config> {
        let secs = |name: &str, v: f64| -> Result<Duration> {
            if !(v.is_finite() && v > 0.0 && v <= 86_400.0) {
                bail!("--{name} must be a number of seconds between 0 and 86400, not {v}");
            }
            Ok(Duration::from_secs_f64(v))
        };
        if !(self.rate.is_finite() && self.rate > 0.0) {
            bail!(
                "--rate must be a positive number of requests per second, not {}",
                self.rate
            );
        }
        Ok(Config {
            min_interval_per_host: Duration::from_secs_f64((1.0 / self.rate).min(86_400.0)),
            total_timeout: secs("timeout", self.timeout)?,
            connect_timeout: secs("connect-timeout", self.connect_timeout)?,
            read_timeout: secs("read-timeout", self.read_timeout)?,
            max_bytes: self.max_bytes,
            private_addresses: if self.allow_private {
                PrivateAddresses::Allow
            } else if self.allow_loopback {
                PrivateAddresses::Loopback
            } else {
                PrivateAddresses::Refuse
            },
            ..Config::default()
        })
    }
}

/// Runs `storyline crawl`.
pub fn run(args: CrawlArgs) -> Result<()> {
    let started = Instant::now();
    let config = args.config()?;
    let db = &args.db.db;
    // The store first: it creates the file or refuses a foreign one before our table is added.
    let mut store = Store::open(db)?;
    let table = ValidatorTable::open(db)?;
    let mut crawler = Crawler::new(Fetcher::new(config), Some(table));
    crawler.set_max_items_per_feed(args.max_items);
    let pipeline = Pipeline::standard();
    let provenance = Provenance {
        storyline_version: env!("CARGO_PKG_VERSION").to_string(),
        settings: serde_json::json!({ "stages": pipeline.stage_names() }).to_string(),
    };
    let mut stored = BatchSummary::default();
    let (mut num_fetched, mut num_not_modified, mut num_failed) = (0u64, 0u64, 0u64);
    for url in &args.urls {
        let mut crawled = crawler.crawl(url);
        num_not_modified += crawled.num_not_modified;
        num_failed += crawled.errors.len() as u64;
        for err in &crawled.errors {
            messages::input_error(err);
        }
        let documents = std::mem::take(&mut crawled.documents);
        num_fetched += documents.len() as u64;
        let records: Vec<Record> = documents
            .into_iter()
            .filter_map(|doc| {
                let source = doc.source.clone();
                let article = process(&pipeline, doc);
                if article.text.trim().is_empty() {
                    messages::input_error(&format!(
                        "{source}: no article text left after cleaning; not stored"
                    ));
                    num_failed += 1;
                    return None;
                }
                Some(Record::from_article(&article))
            })
            .collect();
        if !records.is_empty() {
            stored.add(store.insert_batch(&provenance, &records)?);
        }
        // Only now: a run killed before the commit must not leave a validator that would
        // hide an article it never stored.
        if let Err(err) = crawler.commit(&crawled) {
            messages::input_error(&err);
        }
    }
    println!(
        "storyline: {}: {} URLs, {} articles fetched, {} new, {} duplicates, {} revisions, \
         {} not modified, {} failed; {} requests in {:.1}s",
        storyline_store::shown(db),
        args.urls.len(),
        num_fetched,
        stored.num_new,
        stored.num_duplicates,
        stored.num_revisions,
        num_not_modified,
        num_failed,
        crawler.fetcher().num_requests(),
        started.elapsed().as_secs_f64(),
    );
    crate::analyse_cmds::stored::refresh(&mut store)
}
