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
                    c.pointer.field("name"),
                    format!("container name `{name}` is used by another container of this task definition"),
                )
                .label(earlier, "first used here")
                .help("give every container a unique name");
            }
        }
    }
}
