//! ECS106 missing-container-definitions: a task definition needs at least one container.

use crate::model::{TaskDef, Val};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS106",
    name: "missing-container-definitions",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS106-missing-container-definitions.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.shape.containers_only() {
        return;
    }
    let pointer = td.pointer.field("containerDefinitions");
    match td.container_list {
        Val::Known(0, span) => {
            sink.report(
                span,
                pointer,
                "`containerDefinitions` is empty; a task definition needs at least one container",
            )
            .help("add the container definitions of the task");
        }
        Val::Absent => {
            sink.report(
                td.container_list_key.unwrap_or(td.anchor),
                pointer,
                "the task definition has no `containerDefinitions`; it needs at least one container",
            )
            .help("add \"containerDefinitions\": [{ \"name\": …, \"image\": … }]");
        }
        _ => {}
    }
}
