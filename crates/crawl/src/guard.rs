//! The server-side request forgery guard: which URLs may be fetched at all (HTTP and HTTPS
//! only) and which addresses may be connected to (public ones, unless private addresses are
//! allowed).
//!
//! The address check runs inside the HTTP client's resolver, so it applies to every
//! connection the client opens, including each redirect hop, and a name that resolves to a
//! public address for a pre-check but to a private one for the connection (DNS rebinding)
//! is still refused: the addresses checked are the addresses connected to.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::sync::mpsc;
use std::time::Duration;

use url::Url;

use crate::PrivateAddresses;

/// Marks the resolver's refusal inside the client's error chain, so the fetcher can report it
/// as a refusal rather than as a failed DNS lookup.
pub(crate) const REFUSED_MARKER: &str = "refused: resolves to a non-public address";

/// Whether a URL's scheme may be fetched: only `http` and `https`, never `file`, `ftp`,
/// `data`, `gopher` and the like.
pub(crate) fn scheme_allowed(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// Whether an address is public: not loopback, private, link-local, shared (CGNAT),
/// documentation, benchmarking, multicast, reserved or unspecified. IPv6 forms that embed an
/// IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the embedded address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

/// Whether an address is on this machine's loopback (`127.0.0.0/8`, `::1`, or mapped).
fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => v6.is_loopback() || embedded_v4(v6).is_some_and(|v4| v4.is_loopback()),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let non_public = a == 0 // "this network"
        || a == 10
        || a == 127
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 169 && b == 254) // link-local, cloud metadata endpoints
        || (a == 172 && (16..32).contains(&b))
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // documentation
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 192 && b == 168)
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || (a == 198 && b == 51 && c == 100) // documentation
        || (a == 203 && b == 0 && c == 113) // documentation
        || a >= 224; // multicast, reserved, broadcast
    !non_public
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let seg = ip.segments();
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    let non_public = ip.is_unspecified()
        || ip.is_loopback()
        || (seg[0] & 0xfe00) == 0xfc00 // unique local
        || (seg[0] & 0xffc0) == 0xfe80 // link-local
        || (seg[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (seg[0] & 0xff00) == 0xff00 // multicast
        || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
        || (seg[0] == 0x2001 && seg[1] == 0) // Teredo: tunnels to anywhere
        || (seg[0] == 0x0100 && seg[1] == 0 && seg[2] == 0 && seg[3] == 0) // discard
        || seg[0] == 0; // any other IPv4-compatible or reserved ::/16 form
    !non_public
}

/// The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`),
/// NAT64 (`64:ff9b::a.b.c.d`) or 6to4 (`2002:aabb:ccdd::`) address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let seg = ip.segments();
    let low =
        |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if seg[..5].iter().all(|&s| s == 0) && (seg[5] == 0xffff || seg[5] == 0) {
        // `::` and `::1` are judged as IPv6 (unspecified, loopback), not as 0.0.0.x.
        if seg[5] == 0 && seg[6] == 0 {
            return None;
        }
        return Some(low(seg[6], seg[7]));
    }
    if seg[0] == 0x0064 && seg[1] == 0xff9b && seg[2..6].iter().all(|&s| s == 0) {
        return Some(low(seg[6], seg[7]));
    }
    if seg[0] == 0x2002 {
        return Some(low(seg[1], seg[2]));
    }
    None
}

/// Resolves `host:port` and checks every address: if any is non-public (and private addresses
/// are not allowed) the whole name is refused, since the client may pick any of them.
///
/// The lookup runs on a helper thread so that a resolver that never answers costs at most
/// `timeout` (the standard library's lookup has no timeout of its own).
pub(crate) fn resolve_checked(
    netloc: &str,
    private: PrivateAddresses,
    timeout: Duration,
) -> io::Result<Vec<SocketAddr>> {
    let addrs = resolve_with_timeout(netloc, timeout)?;
    if addrs.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{netloc} resolves to no address"),
        ));
    }
    let permitted = |ip: IpAddr| match private {
        PrivateAddresses::Allow => true,
        PrivateAddresses::Loopback => is_public(ip) || is_loopback(ip),
        PrivateAddresses::Refuse => is_public(ip),
    };
    if let Some(bad) = addrs.iter().find(|a| !permitted(a.ip())) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{REFUSED_MARKER} ({}; use --allow-private to permit)",
                bad.ip()
            ),
        ));
    }
    Ok(addrs)
}

fn resolve_with_timeout(netloc: &str, timeout: Duration) -> io::Result<Vec<SocketAddr>> {
    // A literal address needs no lookup (and no thread).
    if let Ok(addr) = netloc.parse::<SocketAddr>() {
        return Ok(vec![addr]);
    }
    let (sender, receiver) = mpsc::channel();
    let owned = netloc.to_string();
    std::thread::Builder::new()
        .name("storyline-dns".into())
        .spawn(move || {
            let result = owned.to_socket_addrs().map(|it| it.collect::<Vec<_>>());
            let _ = sender.send(result);
        })?;
    receiver.recv_timeout(timeout).unwrap_or_else(|_| {
        Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!(
                "looking up {netloc} took longer than {}s",
                timeout.as_secs_f32()
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(s: &str) -> bool {
        is_public(s.parse().expect("test address parses"))
    }

    #[test]
    fn private_and_special_v4_are_refused() {
        for s in [
            "127.0.0.1",
            "127.5.6.7",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.10",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "198.18.0.1",
            "192.0.2.33",
        ] {
            assert!(!public(s), "{s} should be refused");
        }
    }

    #[test]
    fn public_v4_is_allowed() {
        for s in [
            "8.8.8.8",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "1.1.1.1",
        ] {
            assert!(public(s), "{s} should be allowed");
        }
    }

    #[test]
    fn v6_forms_are_judged_with_their_embedded_v4() {
        for s in [
            "::1",
            "::",
            "fe80::1",
            "fd00::5",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:c0a8:0101::1",
            "2001:db8::1",
            "ff02::1",
        ] {
            assert!(!public(s), "{s} should be refused");
        }
        assert!(public("2606:4700:4700::1111"));
        assert!(public("::ffff:8.8.8.8"));
    }

    #[test]
    fn only_http_and_https_schemes() {
        for (s, ok) in [
            ("http://news.test/a", true),
            ("https://news.test/a", true),
            ("file:///etc/passwd", false),
            ("ftp://news.test/a", false),
            ("gopher://news.test/", false),
            ("data:text/plain,hi", false),
        ] {
            let url = Url::parse(s).expect("test url parses");
            assert_eq!(scheme_allowed(&url), ok, "{s}");
        }
    }

    #[test]
    fn loopback_literal_refused_unless_allowed() {
        let t = Duration::from_secs(1);
        let err = resolve_checked("127.0.0.1:80", PrivateAddresses::Refuse, t)
            .expect_err("loopback refused");
        assert!(err.to_string().contains(REFUSED_MARKER));
        let ok = resolve_checked("127.0.0.1:80", PrivateAddresses::Allow, t).expect("allowed");
        assert_eq!(ok.len(), 1);
        assert!(resolve_checked("[::1]:80", PrivateAddresses::Refuse, t).is_err());
        assert!(resolve_checked("127.0.0.1:80", PrivateAddresses::Loopback, t).is_ok());
        assert!(resolve_checked("10.0.0.7:80", PrivateAddresses::Loopback, t).is_err());
        assert!(resolve_checked("169.254.169.254:80", PrivateAddresses::Loopback, t).is_err());
    }
}
