//! ECS216 network-mode-unsupported-option: a container sets `links`, `hostname` or
//! `extraHosts` under a network mode that does not have them.

use crate::model::fields::{container, task};
use crate::model::{Container, Field, NetworkMode, Spelled, TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS216",
    name: "network-mode-unsupported-option",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [44, 45, 46, 49],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // Fargate has only `awsvpc` (a Fargate task definition in another mode is ECS101's).
    let (mode, why) = if td.is_fargate() == Tri::Yes {
        (
            NetworkMode::Awsvpc,
            "on Fargate, whose network mode is `awsvpc`",
        )
    } else {
        match td.effective_network_mode() {
            Some(m) => (m, ""),
            None => return,
        }
    };
    let view = c.view();
    let refused: [(&Field, bool, &str); 3] = [
        (
            &container::LINKS,
            mode != NetworkMode::Bridge,
            "links work only between containers on Docker's bridge network",
        ),
        (
            &container::HOSTNAME,
            mode == NetworkMode::Awsvpc,
            "the task's network interface has its own DNS name",
        ),
        (
            &container::EXTRA_HOSTS,
            mode == NetworkMode::Awsvpc,
            "under `awsvpc` names resolve through the VPC's DNS: a Route 53 private hosted zone does what host entries did",
        ),
    ];
    for (field, refused, reason) in refused {
        if !refused {
            continue;
        }
        let Some(span) = view.key_span(field) else {
            continue;
        };
        let value = view.get(field);
        if value.is_some_and(|v| v.is_null() || v.as_array().is_some_and(<[_]>::is_empty)) {
            continue;
        }
        let mode_text = if why.is_empty() {
            format!("network mode `{}`", mode.as_str())
        } else {
            why.to_string()
        };
        let finding = sink.report(
            c.at(span),
            format!(
                "container {} sets `{}`, which ECS does not support with {mode_text}: ECS refuses the task definition",
                c.label(),
                c.key(field)
            ),
        );
        if let Some(s) = td.network_mode.span() {
            finding.label(s, format!("network mode `{}`", mode.as_str()));
        }
        let help = if std::ptr::eq(field, &container::LINKS) {
            if mode == NetworkMode::Awsvpc || mode == NetworkMode::Host {
                format!("remove `{}`: containers of one task reach each other on `localhost` under `{}`", c.key(field), mode.as_str())
            } else {
                format!(
                    "remove `{}`, or use `{}` `bridge`",
                    c.key(field),
                    td.key(&task::NETWORK_MODE)
                )
            }
        } else {
            format!("remove `{}` ({reason})", c.key(field))
        };
        finding.help(help);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, mode: &str, container: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat}{mode},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{container}}},{{"name":"db","image":"postgres:16","memory":256}}]}}"#
            )
        };
        let ec2 = r#"["EC2"]"#;
        let pass = [
            td(
                ec2,
                r#","networkMode":"bridge""#,
                r#","links":["db"],"hostname":"web","extraHosts":[{"hostname":"a","ipAddress":"10.0.0.1"}]"#,
            ),
            td(ec2, "", r#","links":["db"]"#),
            td(ec2, r#","networkMode":"host""#, r#","hostname":"web""#),
            td(ec2, r#","networkMode":"awsvpc""#, r#","links":[]"#),
            td(ec2, r#","networkMode":"${MODE}""#, r#","links":["db"]"#),
            td(r#"["${C}"]"#, "", r#","hostname":"web""#),
        ];
        let fail = [
            td(ec2, r#","networkMode":"awsvpc""#, r#","links":["db"]"#),
            td(ec2, r#","networkMode":"awsvpc""#, r#","hostname":"web""#),
            td(ec2, r#","networkMode":"awsvpc""#, r#","extraHosts":[{"hostname":"a","ipAddress":"10.0.0.1"}]"#),
            td(ec2, r#","networkMode":"host""#, r#","links":["db"]"#),
            td(r#"["FARGATE"]"#, r#","networkMode":"awsvpc","cpu":"256","memory":"512""#, r#","hostname":"web""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n          Links: [db]\n        - Name: db\n          Image: postgres:16\n          Memory: 256\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
