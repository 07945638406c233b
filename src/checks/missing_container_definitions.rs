//! ECS106 missing-container-definitions: a task definition needs at least one container.

use crate::model::{TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS106",
    name: "missing-container-definitions",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

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
