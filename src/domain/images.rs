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

/// Whether an image reference (or the text of a template that builds one, such as
/// `${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1`) pulls from a private Amazon
/// ECR registry: its registry host is `<account>.dkr.ecr.<region>.amazonaws.com` (`.com.cn` in
/// China) or the dual-stack `<account>.dkr-ecr.<region>.on.aws`. Amazon ECR Public
/// (`public.ecr.aws`) needs no credentials.
pub fn is_private_ecr(image: &str) -> bool {
    let Some((host, _)) = image.split_once('/') else {
        return false;
    };
    // A port (`host:5000`), not a template's `${AWS::Region}`.
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
    .to_ascii_lowercase();
    (host.contains(".dkr.ecr.")
        && (host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")))
        || (host.contains(".dkr-ecr.") && host.ends_with(".on.aws"))
}

#[cfg(test)]
mod tests {
    use super::{is_private_ecr, pin, Pin};

    #[test]
    fn private_ecr_hosts() {
        assert!(is_private_ecr(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
        ));
        assert!(is_private_ecr(
            "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app"
        ));
        assert!(is_private_ecr(
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app"
        ));
        assert!(is_private_ecr("123456789012.dkr-ecr.us-east-1.on.aws/app"));
        assert!(!is_private_ecr("public.ecr.aws/nginx/nginx:1.27"));
        assert!(!is_private_ecr("nginx:1.27"));
        assert!(!is_private_ecr("${REGISTRY}/app:1"));
        assert!(!is_private_ecr("ghcr.io/dkr.ecr.amazonaws.com/app"));
    }

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
