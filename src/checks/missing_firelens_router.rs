//! ECS119 missing-firelens-router: containers log with `awsfirelens` and the task has no log
//! router container, or has two.

use crate::model::fields::{container, log_configuration};
use crate::model::{Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS119",
    name: "missing-firelens-router",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [77],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(containers) = td.containers.complete() else {
        return;
    };
    if td.view().is_none() {
        return; // a bare container list: not necessarily the whole task
    }
    let firelens = containers.iter().find_map(|c| {
        let log = c.log_configuration.as_known()?;
        match log.driver {
            Val::Known("awsfirelens", span) => Some((c, span)),
            _ => None,
        }
    });
    let Some((user, span)) = firelens else {
        return;
    };
    let routers: Vec<_> = containers
        .iter()
        .filter(|c| {
            c.view()
                .get(&container::FIRELENS_CONFIGURATION)
                .is_some_and(|n| !n.is_null())
        })
        .collect();
    let key = td.key(&container::FIRELENS_CONFIGURATION);
    match routers.as_slice() {
        [] => {
            sink.report(
                user.at(span),
                format!(
                    "container {} logs with `awsfirelens`, and no container of the task definition is a log router (one with `{key}`): ECS refuses the task definition",
                    user.label()
                ),
            )
            .help(format!(
                "add a log router container, for example `public.ecr.aws/aws-observability/aws-for-fluent-bit:stable`, with `{key}` `{{\"type\": \"fluentbit\"}}`, or use another `{}`",
                td.key(&log_configuration::LOG_DRIVER)
            ));
        }
        [_] => {}
        [first, second, ..] => {
            let at = second
                .view()
                .key_span(&container::FIRELENS_CONFIGURATION)
                .unwrap_or(second.anchor);
            let finding = sink.report(
                second.at(at),
                format!(
                    "containers {} and {} both have `{key}`: a task definition has one FireLens log router",
                    first.label(),
                    second.label()
                ),
            );
            if let Some(s) = first.view().key_span(&container::FIRELENS_CONFIGURATION) {
                finding.label(s, "the first log router");
            }
            finding.help(format!("keep `{key}` on one container"));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |containers: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"logConfiguration":{{"logDriver":"awsfirelens"}}}}{containers}]}}"#
            )
        };
        let router = r#",{"name":"log_router","image":"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable","memory":64,"firelensConfiguration":{"type":"fluentbit"}}"#;
        let pass = [
            td(router),
            td(r#",{"name":"log_router","image":"fluent-bit:3","memory":64,"firelensConfiguration":"${FIRELENS}"}"#),
            td(r#",{"Fn::If":["C",{"Name":"r"},{"Ref":"AWS::NoValue"}]}"#),
            r#"[{"name":"web","image":"nginx:1.27","memory":256,"logConfiguration":{"logDriver":"awsfirelens"}}]"#.to_string(),
        ];
        let fail = [
            td(""),
            td(&format!(
                "{router}{}",
                router.replace("log_router", "log_router_2")
            )),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
