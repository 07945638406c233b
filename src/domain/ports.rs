//! Reading `containerPortRange` values (`"8000-8010"`), shared by the port rules and the linker.

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
