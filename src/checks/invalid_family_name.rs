//! ECS109 invalid-family-name: `family` is required and must match `^[A-Za-z0-9_-]{1,255}$`.

use crate::domain::names::{api_name_problem, suggest};
use crate::model::{TaskDef, TaskDefShape, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS109",
    name: "invalid-family-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    match td.family {
        Val::Absent if td.shape == TaskDefShape::RegisterInput => {
            sink.report(
                td.anchor,
                &td.pointer,
                "the task definition has no `family`, which registering requires",
            )
            .help(
                "add \"family\": \"my-app\" (letters, digits, `-` and `_`, up to 255 characters)",
            );
        }
        Val::Known(family, span) => {
            let Some(why) = api_name_problem(family) else {
                return;
            };
            sink.report(
                span,
                td.pointer.field("family"),
                format!("task `family` {why}"),
            )
            .help(format!("use a family such as \"{}\"", suggest(family)));
        }
        _ => {}
    }
}
