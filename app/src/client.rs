//! Who a request comes from, for throttles: the peer's address, or behind a trusted proxy the address it says it
//! forwarded for. `X-Forwarded-For` is believed only from `security.trusted_proxies`: anyone else could write
//! any address there and so get a fresh throttle budget per request.
//!
//! An IPv6 client is keyed by its /64: one home or phone gets a whole /64 and can pick any address in it.

use std::net::{IpAddr, Ipv6Addr};

use ipnet::IpNet;

/// An address (`10.0.0.1`) or a CIDR range (`10.0.0.0/8`).
pub fn parse_range(text: &str) -> Option<IpNet> {
    let text = text.trim();
    text.parse::<IpNet>()
        .ok()
        .or_else(|| text.parse::<IpAddr>().ok().map(IpNet::from))
}

/// Whether a machine's post (a gateway's, M-Pesa's) comes from one of `sources` (addresses or CIDR ranges), on the
/// client address `trusted` proxies give; no sources: from anywhere.
pub fn from_sources(peer: Option<IpAddr>, headers: &http::HeaderMap, trusted: &[String], sources: &[String]) -> bool {
    if sources.is_empty() {
        return true;
    }
    address(peer, headers, trusted).is_some_and(|ip| {
        sources
            .iter()
            .filter_map(|source| parse_range(source))
            .any(|range| range.contains(&ip))
    })
}

/// The throttle key of a client: an IPv4 address as it is, an IPv6 address as its /64.
pub fn key(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the right-most address in
/// `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the address it got the request from).
pub fn address(peer: Option<IpAddr>, headers: &http::HeaderMap, trusted: &[String]) -> Option<IpAddr> {
    let ranges: Vec<IpNet> = trusted.iter().filter_map(|t| parse_range(t)).collect();
    let is_trusted = |ip: &IpAddr| ranges.iter().any(|range| range.contains(ip));
    let peer = peer?;
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .map(|hop| hop.parse::<IpAddr>().ok())
        .collect::<Option<Vec<_>>>()
        // A malformed header is not believed at all: the proxy itself is the client.
        .unwrap_or_default();
    Some(forwarded.into_iter().rev().find(|ip| !is_trusted(ip)).unwrap_or(peer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-forwarded-for", forwarded.parse().unwrap());
        headers
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        let trusted = vec!["10.0.0.0/8".to_string()];
        let h = headers("203.0.113.9, 198.51.100.7");
        assert_eq!(
            address(Some(proxy), &h, &trusted),
            Some("198.51.100.7".parse().unwrap())
        );
        // Not from a trusted proxy: the header is ignored.
        let stranger: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(address(Some(stranger), &h, &trusted), Some(stranger));
        // Nothing trusted: the peer.
        assert_eq!(address(Some(proxy), &h, &[]), Some(proxy));
        // Proxies in the chain are skipped; a forged left-most entry is not reached.
        let chain = headers("1.2.3.4, 198.51.100.7, 10.0.0.9");
        assert_eq!(
            address(Some(proxy), &chain, &trusted),
            Some("198.51.100.7".parse().unwrap())
        );
        assert_eq!(address(Some(proxy), &headers("junk"), &trusted), Some(proxy));
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(key(a), "2001:db8:1:2::/64");
        assert_eq!(key(a), key(b));
        assert_eq!(key("::ffff:192.0.2.1".parse().unwrap()), "192.0.2.1");
        assert_eq!(key("192.0.2.1".parse().unwrap()), "192.0.2.1");
        assert!(parse_range("10.0.0.1").is_some() && parse_range("fd00::/8").is_some());
        assert!(parse_range("ten").is_none());
    }
}
