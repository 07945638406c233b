//! Ports: reading `containerPortRange` values (`"8000-8010"`), and the host ports ECS container
//! instances reserve; shared by the port rules and the linker.

/// Host ports ECS reserves on container instances by default: SSH, the Docker daemon, the ECS
/// container agent (the agent's `ECS_RESERVED_PORTS` default).
pub const RESERVED: &[(i64, &str)] = &[
    (22, "SSH"),
    (2375, "the Docker daemon"),
    (2376, "the Docker daemon (TLS)"),
    (51678, "the ECS container agent"),
    (51679, "the ECS container agent"),
    (51680, "the ECS container agent"),
];

/// What reserves `port` by default, if anything does.
pub fn reserved_by(port: i64) -> Option<&'static str> {
    RESERVED
        .iter()
        .find(|(p, _)| *p == port)
        .map(|(_, who)| *who)
}

/// `"first-last"` with 1 ≤ first < last ≤ 65535, or `None` when malformed.
pub fn parse(s: &str) -> Option<(i64, i64)> {
    let (a, b) = s.split_once('-')?;
    let num = |t: &str| -> Option<i64> {
        let t = t.trim();
        if t.is_empty() || t.len() > 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let (first, last) = (num(a)?, num(b)?);
    (1 <= first && first < last && last <= 65535).then_some((first, last))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ranges() {
        assert_eq!(super::parse("8000-8010"), Some((8000, 8010)));
        assert_eq!(super::parse("8010-8000"), None);
        assert_eq!(super::parse("8000-8000"), None);
        assert_eq!(super::parse("0-10"), None);
        assert_eq!(super::parse("1-65536"), None);
        assert_eq!(super::parse("8000"), None);
        assert_eq!(super::parse("a-b"), None);
    }
}
