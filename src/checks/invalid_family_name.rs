//! ECS109 invalid-family-name: `family` is required and must match `^[A-Za-z0-9_-]{1,255}$`.

use crate::domain::names::{api_name_problem, suggest};
use crate::model::fields::task;
use crate::model::Spelled;
use crate::model::{TaskDef, TaskDefShape, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS109",
    name: "invalid-family-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [6],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    match td.family {
        Val::Absent if td.shape == TaskDefShape::RegisterInput => {
            let family = td.key(&task::FAMILY);
            sink.report(
                td.missing(),
                format!("the task definition has no `{family}`, which registering requires"),
            )
            .help(format!(
                "add a `{family}` such as \"my-app\" (letters, digits, `-` and `_`, up to 255 characters)"
            ));
        }
        Val::Known(family, span) => {
            let Some(why) = api_name_problem(family) else {
                return;
            };
            sink.report(span, format!("task `{}` {why}", td.key(&task::FAMILY)))
                .help(format!("use a family such as \"{}\"", suggest(family)));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn invalid_family_name() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"a","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"Team_web-2","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"<FAMILY>","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"{{ must_env `FAMILY` }}","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"${family}","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3","revision":3,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","essential":true}]"#,
            ],
            &[
                r#"{"family":"web:3","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web.api","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"team/web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web:3","revision":3,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"
family: my app
containerDefinitions:
  - {name: web, image: "nginx:1.27"}"#,
            ],
        );
    }
}
