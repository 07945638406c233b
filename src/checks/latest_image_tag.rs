//! ECS212 latest-image-tag: an image with the `latest` tag, or no tag (which means `latest`).

use crate::model::{TaskDef, Val};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS212",
    name: "latest-image-tag",
    category: Category::Security,
    severity: Severity::Warning,
    docs: include_str!("../../rules/ECS212-latest-image-tag.md"),
    check: Check::TaskDef(check),
    security_severity: Some("5.0"),
};

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

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        if let (Val::Unknown(span), Some(image)) = (c.image, c.image_text) {
            if templated_tag(image) == Some("latest") {
                // Under the tag itself, when the token is the string as written (plain, or in
                // quotes without escapes).
                let quote = match span.range().len().checked_sub(image.len()) {
                    Some(0) => Some(0),
                    Some(2) => Some(1),
                    _ => None,
                };
                let at = quote.map_or(span, |q| {
                    let end = span.end as usize - q;
                    crate::span::Span::new(end - "latest".len(), end)
                });
                sink.report(
                    at,
                    c.pointer.field("image"),
                    format!(
                        "image `{}` of container {} uses the mutable `latest` tag (its repository is a placeholder, its tag is not)",
                        super::shown(image),
                        c.label()
                    ),
                )
                .help("pin a version or a digest instead of `latest`, for example `:1.2.3` or `@sha256:…`");
            }
            continue;
        }
        let Some((image, span)) = c.image.known_at() else {
            continue;
        };
        if image.trim().is_empty() {
            continue;
        }
        let message = match pin(image) {
            Pin::Tag("latest") => format!(
                "image `{}` of container {} uses the mutable `latest` tag",
                super::shown(image),
                c.label()
            ),
            Pin::Untagged => format!(
                "image `{}` of container {} has no tag, so it runs whatever `latest` is",
                super::shown(image),
                c.label()
            ),
            Pin::Digest | Pin::Tag(_) => continue,
        };
        let base = image
            .rsplit_once(':')
            .filter(|(_, t)| !t.contains('/'))
            .map_or(image, |(b, _)| b);
        sink.report(span, c.pointer.field("image"), message)
            .help(format!(
                "pin a version or a digest, for example `{base}:1.2.3` or `{base}@sha256:…`"
            ));
    }
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
