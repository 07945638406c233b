//! ECS120 duplicate-volume-name: two volumes of a task definition have the same `name`.

use crate::model::fields::task;
use crate::model::{Spelled, TaskDef};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS120",
    name: "duplicate-volume-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [93],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for v in &td.volumes {
        let Some((name, span)) = v.name.known_at() else {
            continue;
        };
        match seen.iter().find(|(n, _)| *n == name) {
            Some(&(_, first)) => {
                sink.report(
                    span,
                    format!(
                        "two volumes of the task definition are named `{}`: ECS refuses it, and a mount point could not say which it means",
                        crate::domain::names::shown(name)
                    ),
                )
                .label(first, "first declared here")
                .help(format!(
                    "rename one of them (and its `{}`), or remove the copy from `{}`",
                    td.key(&crate::model::fields::mount_point::SOURCE_VOLUME),
                    td.key(&task::VOLUMES)
                ));
            }
            None => seen.push((name, span)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |volumes: &str| {
            format!(
                r#"{{"family":"web","volumes":[{volumes}],"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let pass = [
            td(r#"{"name":"a"},{"name":"b"}"#),
            td(r#"{"name":"${V}"},{"name":"${V}"}"#),
        ];
        let fail = [
            td(r#"{"name":"data"},{"name":"data","host":{"sourcePath":"/srv"}}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Volumes:\n        - Name: data\n        - Name: data\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
