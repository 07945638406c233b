//! ECS107 duplicate-container-name: container names must be unique within a task definition.

use std::collections::HashMap;

use crate::model::TaskDef;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS107",
    name: "duplicate-container-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let mut first = HashMap::new();
    for c in &td.containers {
        let Some((name, span)) = c.name.known_at() else {
            continue;
        };
        match first.get(name) {
            None => {
                first.insert(name, span);
            }
            Some(&earlier) => {
                sink.report(
                    span,
                    format!("container name `{name}` is used by another container of this task definition"),
                )
                .label(earlier, "first used here")
                .help("give every container a unique name");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn duplicate_container_name() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"Web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"${NAME}","image":"nginx:1.27"},{"name":"${NAME}","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"{{ must_env `APP_NAME` }}","image":"nginx:1.27"},{"name":"{{ must_env `APP_NAME` }}","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"nginx:1.27"}]"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27"}
  - {name: log, image: "fluent-bit:2.2"}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}]"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}],"revision":3}}"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27"}
  - {name: web, image: "fluent-bit:2.2"}"#,
            ],
        );
    }
}
