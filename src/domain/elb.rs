//! Elastic Load Balancing v2: which protocols each kind of load balancer listens on and
//! forwards with. Source: the ELBv2 API reference (`CreateListener`, `CreateTargetGroup`:
//! "For Application Load Balancers, the supported protocols are HTTP and HTTPS. For Network
//! Load Balancers, the supported protocols are TCP, TLS, UDP, or TCP_UDP… For Gateway Load
//! Balancers, the supported protocol is GENEVE"), and QUIC for Network Load Balancers.

/// The protocols a load balancer of `kind` (`application`, `network`, `gateway`) uses on its
/// listeners and target groups; `None` for a kind this table does not know.
pub fn protocols(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "application" => Some(&["HTTP", "HTTPS"]),
        "network" => Some(&["TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"]),
        "gateway" => Some(&["GENEVE"]),
        _ => None,
    }
}

/// Whether `protocol` is one a load balancer of `kind` uses: `None` when either is not in
/// the table (a value the API does not know is a structural error of its own).
pub fn fits(kind: &str, protocol: &str) -> Option<bool> {
    let known = ["application", "network", "gateway"]
        .iter()
        .filter_map(|k| protocols(k))
        .any(|ps| ps.contains(&protocol));
    if !known {
        return None;
    }
    Some(protocols(kind)?.contains(&protocol))
}

/// The transport a target group's protocol carries to its targets: whether it needs the
/// container's port mapped for UDP, for TCP, or both.
pub fn transports(protocol: &str) -> Option<(bool, bool)> {
    match protocol {
        "UDP" => Some((true, false)),
        "TCP_UDP" => Some((true, true)),
        "HTTP" | "HTTPS" | "TCP" | "TLS" => Some((false, true)),
        _ => None,
    }
}

/// "an application load balancer", for messages.
pub fn describe(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind} load balancer")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(fits("application", "TCP"), Some(false));
        assert_eq!(fits("network", "TCP"), Some(true));
        assert_eq!(fits("network", "HTTP"), Some(false));
        assert_eq!(fits("application", "http"), None);
        assert_eq!(fits("classic", "HTTP"), None);
        assert_eq!(describe("application"), "an application load balancer");
        assert_eq!(describe("network"), "a network load balancer");
    }
}
