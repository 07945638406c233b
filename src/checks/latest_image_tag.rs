//! ECS212 latest-image-tag: an image with the `latest` tag, or no tag (which means `latest`).

use crate::model::TaskDef;
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

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
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
    fn tags() {
        assert_eq!(pin("nginx"), Pin::Untagged);
        assert_eq!(pin("nginx:latest"), Pin::Tag("latest"));
        assert_eq!(pin("registry:5000/team/app"), Pin::Untagged);
        assert_eq!(pin("registry:5000/team/app:1.2"), Pin::Tag("1.2"));
        assert_eq!(pin("app@sha256:abc"), Pin::Digest);
    }
}
