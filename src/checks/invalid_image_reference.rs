//! ECS226 invalid-image-reference: a container's `image` is not a reference Docker can pull.

use crate::domain::images::malformed;
use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS226",
    name: "invalid-image-reference",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [12],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Val::Known(image, span) = c.image else {
        return;
    };
    if image.trim().is_empty() {
        return; // ECS225's.
    }
    let Some(problem) = malformed(image) else {
        return;
    };
    sink.report(
        c.at(span),
        format!(
            "the `{}` of container {} is not an image reference: {problem}",
            c.key(&container::IMAGE),
            c.label()
        ),
    )
    .help("write `registry/repository:tag` or `registry/repository@sha256:<64 hex digits>`, for example `public.ecr.aws/nginx/nginx:1.27`");
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |image: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","memory":256,"image":"{image}"}}]}}"#
            )
        };
        let digest = "a".repeat(64);
        let pass = [
            td("nginx"),
            td("nginx:1.27"),
            td("localhost:5000/team/app:1.0"),
            td("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"),
            td(&format!("public.ecr.aws/nginx/nginx@sha256:{digest}")),
            td(&format!("nginx:1.27@sha256:{digest}")),
            td("${REGISTRY}/app:${TAG}"),
            td("{{ must_env `IMAGE` }}"),
            td("<IMAGE1_NAME>"),
            td("Registry.Example.com/team/app:V1.0"),
            td("localhost:5000/app"),
        ];
        let fail = [
            td("https://ghcr.io/acme/app:1.0"),
            td(" nginx:1.27"),
            td("nginx:1.27 "),
            td("acme/app:1.0@sha256:abc"),
            td("acme/app:1.0@md5:abc"),
            td("acme/my app:1.0"),
            td("acme/MyApp:1.0"),
            td("registry.example.com:5000/Team/app"),
            td(&format!("acme/{}:1", "a".repeat(260))),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
