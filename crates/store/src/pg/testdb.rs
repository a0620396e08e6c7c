//! Throwaway PostgreSQL databases for tests (of this crate, and of the binary through the
//! `test-db` feature), on the server named by `STORYLINE_TEST_PG` (a URL
//! to any database there, as a user who may create databases; `.ci/run` starts one).
//!
//! Without the variable the PostgreSQL tests print a notice and pass, unless `CI` is set:
//! there they fail, so CI never silently skips them.

use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::{Client, NoTls};

/// A database created for one test, dropped when the test ends.
pub struct TestDb {
    /// Its URL.
    pub url: String,
    /// The server's URL, to drop it from.
    admin: String,
    name: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl TestDb {
    /// A new empty database named after `label`, or `None` (with a notice) when no test
    /// server is configured outside CI.
    ///
    /// # Panics
    /// When the server cannot be reached, or in CI without a server.
    pub fn create(label: &str) -> Option<TestDb> {
        let Ok(admin) = std::env::var("STORYLINE_TEST_PG") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must set STORYLINE_TEST_PG (see .ci/run) for the PostgreSQL tests"
            );
            eprintln!("skipping PostgreSQL test `{label}`: STORYLINE_TEST_PG is not set");
            return None;
        };
        let name = format!(
            "t_{label}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = Client::connect(&admin, NoTls).expect("STORYLINE_TEST_PG reachable");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create test database");
        let (base, _) = admin.rsplit_once('/').expect("URL names a database");
        Some(TestDb {
            url: format!("{base}/{name}"),
            admin,
            name,
        })
    }

    /// Runs SQL on the test database directly (to set up what a test needs).
    pub fn execute(&self, sql: &str) {
        Client::connect(&self.url, NoTls)
            .and_then(|mut c| c.batch_execute(sql))
            .expect("test SQL");
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut client) = Client::connect(&self.admin, NoTls) {
            // Best effort: a leftover test database dies with the throwaway cluster anyway.
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}
