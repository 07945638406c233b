//! ECS106 missing-container-definitions: a task definition needs at least one container.

use crate::model::fields::{container, task};
use crate::model::{At, Spelled};
use crate::model::{TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS106",
    name: "missing-container-definitions",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [7],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.shape.containers_only() {
        return;
    }
    let key = td.key(&task::CONTAINER_DEFINITIONS);
    match td.container_list {
        Val::Known(0, span) => {
            sink.report(
                span,
                format!("`{key}` is empty; a task definition needs at least one container"),
            )
            .help("add the container definitions of the task");
        }
        Val::Absent => {
            let at = td.container_list_key.map_or(td.missing(), At::from);
            sink.report(
                at,
                format!("the task definition has no `{key}`; it needs at least one container"),
            )
            .help(format!(
                "add `{key}` with at least one container that has a `{}` and an `{}`",
                td.key(&container::NAME),
                td.key(&container::IMAGE)
            ));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_container_definitions() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"{"family":"web","containerDefinitions":"${CONTAINER_DEFINITIONS}"}"#,
                r#"[{"name":"web","image":"nginx:1.27","essential":true}]"#,
                r#"{"serviceName":"web","cluster":"prod","taskDefinition":"web:3","desiredCount":2}"#,
                r#"
family: web
containerDefinitions:
  - name: web
    image: nginx:1.27"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[]}"#,
                r#"{"family":"web","containerDefinitions":null}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512"}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"networkMode":"awsvpc"}}"#,
                r#"{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3","family":"web","revision":3,"status":"ACTIVE","containerDefinitions":[]}"#,
                r#"
family: web
networkMode: awsvpc
containerDefinitions: []"#,
            ],
        );
    }
}
