//! ECS242 image-not-pinned-by-digest: an image named by a version tag, not by digest (an
//! opt-in: tags are the norm).

use crate::domain::images::{pin, Pin};
use crate::model::{Container, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS242",
    name: "image-not-pinned-by-digest",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "2.0",
    profile: All,
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Some((image, span)) = c.image.known_at() else {
        return;
    };
    // `latest` and no tag at all are ECS212's.
    let tag = match pin(image) {
        Pin::Tag(t) if t != "latest" => t,
        _ => return,
    };
    sink.report(
        span,
        format!(
            "image `{}` of container {} is named by its tag `{}`, which whoever can push to the repository can move to another image",
            crate::domain::names::shown(image),
            c.label(),
            crate::domain::names::shown(tag)
        ),
    )
    .help(format!(
        "add the digest the tag points to (`{}@sha256:…`), or turn on tag immutability in the repository; ECS pins a service's deployment to a digest, but a new deployment or a standalone task pulls the tag again",
        crate::domain::names::shown(image)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |image: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"{image}","memory":256}}]}}"#
            )
        };
        let digest = "a".repeat(64);
        let pass = [
            td(&format!("nginx:1.27@sha256:{digest}")),
            td(&format!("public.ecr.aws/nginx/nginx@sha256:{digest}")),
            td("nginx:latest"),
            td("nginx"),
            td("${IMAGE}"),
        ];
        let fail = [
            td("nginx:1.27"),
            td("registry.example.com:5000/team/app:2.0.1"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
