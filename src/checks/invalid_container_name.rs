//! ECS209 invalid-container-name: every container needs a name matching
//! `^[A-Za-z0-9_-]{1,255}$`.

use crate::domain::names::api_name_problem;
use crate::domain::names::suggest;
use crate::model::{TaskDef, TaskDefShape, Val};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS209",
    name: "invalid-container-name",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS209-invalid-container-name.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

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
