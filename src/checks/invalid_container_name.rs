//! ECS209 invalid-container-name: every container needs a name matching
//! `^[A-Za-z0-9_-]{1,255}$`.

use crate::domain::names::api_name_problem;
use crate::domain::names::suggest;
use crate::model::{TaskDef, TaskDefShape, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS209",
    name: "invalid-container-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        match c.name {
            // A lone container object is a fragment; the tool that assembles the task
            // definition may supply the name. Lists of containers must name each one.
            Val::Absent if td.shape != TaskDefShape::SingleContainer => {
                sink.report(
                    c.anchor,
                    &c.pointer,
                    format!("container {} has no `name`", c.label()),
                )
                .help("add \"name\": \"app\" (letters, digits, `-` and `_`)");
            }
            Val::Known(name, span) => {
                let Some(why) = api_name_problem(name) else {
                    continue;
                };
                sink.report(
                    span,
                    c.pointer.field("name"),
                    format!("container name {why}"),
                )
                .help(format!("use a name such as \"{}\"", suggest(name)));
            }
            _ => {}
        }
    }
}
