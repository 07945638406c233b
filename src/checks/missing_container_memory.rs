//! ECS208 missing-container-memory: without task-level `memory`, every container must set
//! `memory` or `memoryReservation`.

use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS208",
    name: "missing-container-memory",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

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
