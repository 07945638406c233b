//! ECS207 memory-below-reservation: a container's hard `memory` limit below its soft
//! `memoryReservation`.

use crate::model::TaskDef;
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS207",
    name: "memory-below-reservation",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS207-memory-below-reservation.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        let (Some((memory, memory_span)), Some((reservation, reservation_span))) =
            (c.memory.known_at(), c.memory_reservation.known_at())
        else {
            continue;
        };
        if memory < reservation {
            sink.report(
                memory_span,
                c.pointer.field("memory"),
                format!("container {} `memory` {memory} MiB is below its `memoryReservation` {reservation} MiB", c.label()),
            )
            .label(reservation_span, "the soft limit is set here")
            .help(format!("set `memory` to at least {reservation}, or lower `memoryReservation`"));
        }
    }
}
