//! ECS209 invalid-container-name: every container needs a name matching
//! `^[A-Za-z0-9_-]{1,255}$`.

use crate::domain::names::api_name_problem;
use crate::domain::names::suggest;
use crate::model::fields::container;
use crate::model::Spelled;
use crate::model::{Container, TaskDef, TaskDefShape, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS209",
    name: "invalid-container-name",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [9],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    match c.name {
        // A lone container object is a fragment; the tool that assembles the task
        // definition may supply the name. Lists of containers must name each one.
        Val::Absent if td.shape != TaskDefShape::SingleContainer => {
            let name = c.key(&container::NAME);
            sink.report(
                c.missing(),
                format!("container {} has no `{name}`", c.label()),
            )
            .help(format!(
                "add a `{name}` such as \"app\" (letters, digits, `-` and `_`)"
            ));
        }
        Val::Known(name, span) => {
            let Some(why) = api_name_problem(name) else {
                return;
            };
            sink.report(span, format!("container name {why}"))
                .help(format!("use a name such as \"{}\"", suggest(name)));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn invalid_container_name() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"a","image":"nginx:1.27"},{"name":"Log_router-2","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"${container_name}","image":"nginx:1.27"},{"name":"{{ must_env `APP` }}","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}],"revision":3}}"#,
                r#"{"image":"nginx:1.27","essential":true}"#,
                r#"[{"name":"web","image":"nginx:1.27"}]"#,
                r#"
family: web
containerDefinitions:
  - name: web
    image: nginx:1.27"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web.api","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"nginx:1.27","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"log router","image":"nginx:1.27"}]}"#,
                r#"[{"image":"nginx:1.27","essential":true}]"#,
                r#"{"name":"web app","image":"nginx:1.27","essential":true}"#,
                r#"
family: web
containerDefinitions:
  - name: my app
    image: nginx:1.27"#,
            ],
        );
    }
}
