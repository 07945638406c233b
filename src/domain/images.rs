//! Container image references: how an image is pinned (tag, digest, none).

/// How an image reference is pinned.
#[derive(Debug, PartialEq, Eq)]
pub enum Pin<'a> {
    /// `@sha256:…`: pinned whatever the tag.
    Digest,
    Tag(&'a str),
    Untagged,
}

/// `registry:5000/team/app:1.2` → `Tag("1.2")`; `registry:5000/team/app` → `Untagged`.
pub fn pin(image: &str) -> Pin<'_> {
    if image.contains('@') {
        return Pin::Digest;
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    last.split_once(':')
        .map_or(Pin::Untagged, |(_, t)| Pin::Tag(t))
}

/// The tag a template states after a placeholder repository: `${REPO}:latest` and
/// `{{ tfstate `x` }}:latest` → `latest`; `${REPO}:${TAG}`, `${REGISTRY}:5000/app`, `${IMAGE}`
/// → `None` (the tag is not known).
pub fn templated_tag(image: &str) -> Option<&str> {
    let (_, tag) = image.rsplit_once(':')?;
    let valid = !tag.is_empty()
        && tag.len() <= 128
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    (valid && !image.contains('@')).then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::{pin, Pin};

    #[test]
    fn tags_after_placeholders() {
        use super::templated_tag;
        assert_eq!(templated_tag("${REPO}:latest"), Some("latest"));
        assert_eq!(
            templated_tag("{{ tfstate `aws_ecr_repository.app.repository_url` }}:latest"),
            Some("latest")
        );
        assert_eq!(templated_tag("${REPO}:${TAG}"), None);
        assert_eq!(templated_tag("${REGISTRY}:5000/app"), None);
        assert_eq!(templated_tag("${IMAGE}"), None);
        assert_eq!(templated_tag("${REPO}@sha256:abc"), None);
    }

    #[test]
    fn tags() {
        assert_eq!(pin("nginx"), Pin::Untagged);
        assert_eq!(pin("nginx:latest"), Pin::Tag("latest"));
        assert_eq!(pin("registry:5000/team/app"), Pin::Untagged);
        assert_eq!(pin("registry:5000/team/app:1.2"), Pin::Tag("1.2"));
        assert_eq!(pin("app@sha256:abc"), Pin::Digest);
    }
}
