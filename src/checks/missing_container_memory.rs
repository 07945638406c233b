//! ECS208 missing-container-memory: without task-level `memory`, every container must set
//! `memory` or `memoryReservation`.

use crate::model::{TaskDef, Tri};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS208",
    name: "missing-container-memory",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS208-missing-container-memory.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // On Fargate the missing task memory is the error (ECS102); one fix covers both.
    if !td.memory.is_absent() || td.is_fargate() != Tri::No {
        return;
    }
    for c in &td.containers {
        if c.memory.is_absent() && c.memory_reservation.is_absent() {
            sink.report(
                c.anchor,
                &c.pointer,
                format!(
                    "container {} sets neither `memory` nor `memoryReservation`, and the task sets no `memory`",
                    c.label()
                ),
            )
            .help("add \"memoryReservation\": 256 (a soft limit) or \"memory\": 512 (a hard limit) to the container, or set the task `memory`");
        }
    }
}
