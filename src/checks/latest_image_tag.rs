//! ECS212 latest-image-tag: an image with the `latest` tag, or no tag (which means `latest`).

use crate::domain::images::{pin, templated_tag, Pin};
use crate::model::{Container, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS212",
    name: "latest-image-tag",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "5.0",
    // Mutable tags are a supply-chain control reviewers ask for; in the default profile they
    // buried every deploy error of the shared corpus (231 warnings against 28 errors).
    profile: Security,
    constraints: [179],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
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
                format!(
                    "image `{}` of container {} uses the mutable `latest` tag (its repository is a placeholder, its tag is not)",
                    crate::domain::names::shown(image),
                    c.label()
                ),
            )
            .help("pin a version or a digest instead of `latest`, for example `:1.2.3` or `@sha256:…`");
        }
        return;
    }
    let Some((image, span)) = c.image.known_at() else {
        return;
    };
    if image.trim().is_empty() {
        return;
    }
    let message = match pin(image) {
        Pin::Tag("latest") => format!(
            "image `{}` of container {} uses the mutable `latest` tag",
            crate::domain::names::shown(image),
            c.label()
        ),
        Pin::Untagged => format!(
            "image `{}` of container {} has no tag, so it runs whatever `latest` is",
            crate::domain::names::shown(image),
            c.label()
        ),
        Pin::Digest | Pin::Tag(_) => return,
    };
    let base = image
        .rsplit_once(':')
        .filter(|(_, t)| !t.contains('/'))
        .map_or(image, |(b, _)| b);
    sink.report(span, message).help(format!(
        "pin a version or a digest, for example `{base}:1.2.3` or `{base}@sha256:…`"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn latest_image_tag() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx@sha256:4c2d8f1e0b9a7c6d5e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:latest@sha256:4c2d8f1e0b9a7c6d5e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"${IMAGE}"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"{{ must_env `IMAGE` }}"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"<IMAGE1_NAME>"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"${REPO}:${TAG}"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:${TAG}"}]}"#,
                r#"[{"name":"web","image":"public.ecr.aws/nginx/nginx:1.27"}]"#,
                r#"
family: web
containerDefinitions:
  - name: app
    image: registry.example.com:5000/team/app:1.2.3"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:latest"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"registry.example.com:5000/team/app"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"${REPO}:latest"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"{{ tfstate `aws_ecr_repository.app.repository_url` }}:latest"}]}"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest"}],"revision":3}}"#,
                r#"[{"name":"web","image":"nginx"}]"#,
                r#"
family: web
containerDefinitions:
  - name: web
    image: nginx:latest"#,
            ],
        );
    }
}
