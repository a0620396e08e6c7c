//! A canned HTTP/1.1 server on 127.0.0.1 for the tests: each connection is answered by a
//! handler, then closed. Bounded: it stops when dropped or after [`LIFETIME`], and every
//! hanging or endless answer stops by itself.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The server gives up after this long even if a test forgets it.
const LIFETIME: Duration = Duration::from_secs(60);

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub head: String,
}

/// What to answer.
pub enum Reply {
    /// A full response: status line, headers, body.
    Raw(Vec<u8>),
    /// Say nothing for this long, then close.
    Hang(Duration),
    /// Headers, then body bytes without end (until the client leaves or 30 s pass).
    Endless,
}

/// A 200 (or other status) with a body and extra header lines.
pub fn reply(status: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(body);
    Reply::Raw(out.into_bytes())
}

type Handler = dyn Fn(&Seen) -> Reply + Send + Sync;

/// A running server; stops when dropped.
pub struct Server {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("local addr");
        let stop = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (stop2, seen2) = (stop.clone(), seen.clone());
        let thread = std::thread::spawn(move || {
            let born = Instant::now();
            while !stop2.load(Ordering::Relaxed) && born.elapsed() < LIFETIME {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (h, s, st) = (handler.clone(), seen2.clone(), stop2.clone());
                        std::thread::spawn(move || serve(stream, &*h, &s, &st));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            addr,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn paths(&self) -> Vec<String> {
        self.seen
            .lock()
            .map(|s| s.iter().map(|r| r.path.clone()).collect())
            .unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Seen>>, stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(buf.get(..n).unwrap_or_default()),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let request = Seen { path, head };
    if let Ok(mut s) = seen.lock() {
        s.push(request.clone());
    }
    match handler(&request) {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes);
        }
        Reply::Hang(d) => {
            let until = Instant::now() + d;
            while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Reply::Endless => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
            let chunk = vec![b'a'; 64 * 1024];
            let until = Instant::now() + Duration::from_secs(30);
            while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
    }
}
