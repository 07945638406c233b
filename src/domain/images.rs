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

/// The bytes of a reference that needs no closer look: lower-case letters, digits, `-_:./#`.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || matches!(c, b'-' | b'_' | b':' | b'.' | b'/' | b'#');
        b += 1;
    }
    t
};

/// What is wrong with an image reference ECS would pass to Docker, if anything: the rules of
/// the ECS API (up to 255 characters of letters, digits, `-_:./#` before an optional
/// `@sha256:` digest of 64 hex digits) and what Docker's "invalid reference format" refuses
/// (a URL scheme, whitespace).
pub fn malformed(image: &str) -> Option<String> {
    let bytes = image.as_bytes();
    let edge_is_space = |b: Option<&u8>| !b.is_some_and(u8::is_ascii_alphanumeric);
    if (edge_is_space(bytes.first()) || edge_is_space(bytes.last())) && image.trim() != image {
        return Some("it starts or ends with white space".into());
    }
    if let Some(scheme) = ["https://", "http://"]
        .iter()
        .find(|s| image.starts_with(**s))
    {
        return Some(format!(
            "it starts with `{scheme}`: an image reference names a registry host, not a URL"
        ));
    }
    // Most references are letters, digits and punctuation in lower case with no digest: one
    // pass over the bytes (a table lookup each) says so, and the rest of the grammar is read
    // only when needed.
    if bytes.len() <= 255 && bytes.iter().all(|&b| PLAIN[usize::from(b)]) {
        return None;
    }
    let (name, digest) = match image.split_once('@') {
        Some((name, digest)) => (name, Some(digest)),
        None => (image, None),
    };
    let allowed =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.' | b'/' | b'#');
    if let Some(at) = name.bytes().position(|b| !allowed(b)) {
        let bad = name[at..].chars().next().unwrap_or(' ');
        return Some(if bad.is_whitespace() {
            "it contains white space".to_string()
        } else {
            format!("it contains `{bad}`, which image references do not allow")
        });
    }
    if name.len() > 255 {
        return Some(format!(
            "the name is {} characters long, and ECS accepts 255",
            name.len()
        ));
    }
    // Docker's grammar: an optional registry host (it has a `.` or a `:`, or is `localhost`),
    // then repository path components in lower case, then an optional `:tag`.
    let repository = name.rsplit_once(':').map_or(name, |(repo, tag)| {
        if tag.contains('/') {
            name // `host:5000/app`: the colon is the port's
        } else {
            repo
        }
    });
    let path = match repository.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => rest,
        _ => repository,
    };
    if path.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some("its repository name has upper-case letters, which Docker refuses (\"repository name must be lowercase\")".into());
    }
    if let Some(digest) = digest {
        let hex = digest.strip_prefix("sha256:");
        if !hex.is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())) {
            return Some("the digest after `@` is not `sha256:` followed by 64 hex digits".into());
        }
    }
    None
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
