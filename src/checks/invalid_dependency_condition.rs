//! ECS217 invalid-dependency-condition: a container waits for another to exit (`COMPLETE`,
//! `SUCCESS`) that is essential, or to be `HEALTHY` when it has no health check.

use crate::model::fields::{container, depends_on};
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS217",
    name: "invalid-dependency-condition",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [87, 88],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        for dep in &c.view().objects(&container::DEPENDS_ON) {
            let Val::Known(condition, span) = dep.text(&depends_on::CONDITION) else {
                continue;
            };
            let Val::Known(name, _) = dep.text(&depends_on::CONTAINER_NAME) else {
                continue;
            };
            let mut targets = td
                .containers
                .iter()
                .filter(|t| t.name.known() == Some(name));
            let (Some(target), None) = (targets.next(), targets.next()) else {
                continue;
            };
            match condition {
                "COMPLETE" | "SUCCESS" if target.is_essential() == Tri::Yes => {
                    exits_but_essential(c, target, condition, span, sink);
                }
                "HEALTHY" if target.health_check.is_absent() => {
                    let finding = sink.report(
                        c.at(span),
                        format!(
                            "container {} waits for container {} to be `HEALTHY`, and {} has no `{}`: ECS requires one for this condition",
                            c.label(),
                            target.label(),
                            target.label(),
                            c.key(&container::HEALTH_CHECK)
                        ),
                    );
                    finding.label(target.anchor, "no health check here");
                    finding.help(format!(
                        "give {} a `{}`, or wait for `START` instead",
                        target.label(),
                        c.key(&container::HEALTH_CHECK)
                    ));
                }
                _ => {}
            }
        }
    }
}

fn exits_but_essential(
    c: &Container<'_>,
    target: &Container<'_>,
    condition: &str,
    span: crate::span::Span,
    sink: &mut Sink<'_>,
) {
    let essential = c.key(&container::ESSENTIAL);
    let finding = sink.report(
        c.at(span),
        format!(
            "container {} waits for container {} to exit (`{condition}`), but {} is essential, and an essential container that exits stops the task: ECS refuses this",
            c.label(),
            target.label(),
            target.label()
        ),
    );
    let why = match target.essential.span() {
        Some(s) => (s, format!("`{essential}` is true here")),
        None => (target.anchor, format!("`{essential}` defaults to true")),
    };
    finding.label(why.0, why.1);
    finding.help(format!(
        "set `{essential}` to false on {}, since it is meant to run to completion",
        target.label()
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |condition: &str, target: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"dependsOn":[{{"containerName":"init","condition":"{condition}"}}]}},{{"name":"init","image":"acme/init:1","memory":128{target}}}]}}"#
            )
        };
        let pass = [
            td("SUCCESS", r#","essential":false"#),
            td("COMPLETE", r#","essential":false"#),
            td("START", ""),
            td(
                "HEALTHY",
                r#","healthCheck":{"command":["CMD-SHELL","true"]}"#,
            ),
            td("HEALTHY", r#","healthCheck":"${HC}""#),
            td("SUCCESS", r#","essential":"${ESSENTIAL}""#),
            td("${COND}", ""),
        ];
        let fail = [
            td("SUCCESS", ""),
            td("COMPLETE", r#","essential":true"#),
            td("HEALTHY", ""),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          DependsOn:\n            - ContainerName: migrate\n              Condition: SUCCESS\n        - Name: migrate\n          Image: acme/app:1\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
