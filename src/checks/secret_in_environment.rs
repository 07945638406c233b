//! ECS211 secret-in-environment: a plain-text secret in a container's `environment`.
//! The message names the variable, never its value.

use crate::model::TaskDef;
use crate::rule::Sink;
use crate::secrets::classify;

crate::declare_rule! {
    code: "ECS211",
    name: "secret-in-environment",
    category: Security,
    severity: Error,
    check: TaskDef(check),
    security_severity: "8.5",
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        for env in &c.environment {
            let (Some(name), Some((value, span))) = (env.name.known(), env.value.known_at()) else {
                continue;
            };
            let Some(kind) = classify(name, value) else {
                continue;
            };
            sink.report(
                span,
                c.pointer.field("environment").index(env.index).field("value"),
                format!(
                    "environment variable `{name}` of container {} holds {} in plain text",
                    c.label(),
                    kind.describe()
                ),
            )
            .help(format!(
                "store it in Secrets Manager or SSM Parameter Store and pass it with \"secrets\": [{{\"name\": \"{name}\", \"valueFrom\": \"<secret or parameter ARN>\"}}]"
            ));
        }
    }
}
