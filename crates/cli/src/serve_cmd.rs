//! `storyline serve`: flags → `storyline_serve::ServerConfig`, the token read from the
//! environment or a file, then the server until Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;
use storyline_serve::{ServerConfig, Token, UpdateAnalysis};

/// The environment variable holding the write token.
const TOKEN_VARIABLE: &str = "STORYLINE_TOKEN";

/// Flags of `storyline serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The database (created when absent): an SQLite file, or a
    /// `postgres://user:password@host:port/db` URL.
    #[arg(long, value_name = "FILE|URL", default_value = "storyline.db")]
    pub db: PathBuf,
    /// Address and port to listen on; port 0 picks a free one. Loopback by default: anything
    /// else lets other machines read the whole store.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Read the write token from this file instead of the STORYLINE_TOKEN variable.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
}

/// Runs `storyline serve`.
pub fn run(args: ServeArgs) -> Result<()> {
    let token = match &args.token_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the token file {}", path.display()))?;
            match Token::new(&text) {
                Some(token) => Some(token),
                None => bail!("the token file {} is empty", path.display()),
            }
        }
        None => std::env::var(TOKEN_VARIABLE)
            .ok()
            .and_then(|t| Token::new(&t)),
    };
    if token.is_none() {
        eprintln!(
            "storyline serve: no token ({TOKEN_VARIABLE} or --token-file): POST /api/v1/articles refuses every request"
        );
    }
    let mut config = ServerConfig::new(&args.db, args.addr);
    config.token = token;
    // The server keeps the stored analysis current as ingest does, so that the analysis
    // commands read it after articles arrive through the API too.
    config.update_analysis = Some(UpdateAnalysis::new(|store| {
        crate::analyse_cmds::stored::update(store).map_err(|e| format!("{e:#}"))
    }));
    storyline_serve::serve(config, |addr| {
        // Printed on stdout and flushed so scripts (and tests) can read the chosen port.
        println!("storyline serve: listening on http://{addr}/ (Ctrl-C stops)");
        use std::io::Write;
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("serving {}", storyline_store::shown(&args.db)))
}
