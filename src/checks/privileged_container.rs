//! ECS210 privileged-container: a container runs with `privileged: true`.

use crate::model::fields::container;
use crate::model::Spelled;
use crate::model::{Container, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS210",
    name: "privileged-container",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "8.0",
    peers: ["checkov:CKV_AWS_334", "securityhub:ECS.4"],
    constraints: [173],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // On Fargate it is a deploy error, ECS116's: one finding for one fix.
    if td.is_fargate() == crate::model::Tri::Yes {
        return;
    }
    if let Some((true, span)) = c.privileged.known_at() {
        sink.report(
            span,
            format!(
                "container {} runs privileged, with root access to the host",
                c.label()
            ),
        )
        .help(format!(
            "remove `{}`; add only the capabilities it needs under `{}`",
            c.key(&container::PRIVILEGED),
            c.key(&container::LINUX_CAPABILITIES_ADD)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn privileged_container() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":false}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":"false"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":"${PRIVILEGED}"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":"{{ must_env `PRIVILEGED` }}"}]}"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27", privileged: false}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":true}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":"TRUE"}]}"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":true}],"revision":3}}"#,
                r#"[{"name":"web","image":"nginx:1.27","privileged":true}]"#,
                r#"{"name":"web","image":"nginx:1.27","essential":true,"privileged":true}"#,
                r#"
family: web
containerDefinitions:
  - {name: agent, image: "agent:1.0", privileged: true}"#,
            ],
        );
    }
}
