//! ECS105 container-memory-exceeds-task: each container's `memory`, and the sum of what the
//! containers reserve, must fit in the task's `memory`.

use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS105",
    name: "container-memory-exceeds-task",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // The API documents task-level sizes as ignored for Windows containers, so a mismatch
    // is not known to fail there (on Fargate either); say nothing.
    if td.is_windows() != Tri::No {
        return;
    }
    let Some((task_memory, task_span)) = td.memory.known_at() else {
        return;
    };
    let mut any_single = false;
    for c in &td.containers {
        if let Some((m, span)) = c.memory.known_at() {
            if m > task_memory {
                any_single = true;
                sink.report(
                    span,
                    c.pointer.field("memory"),
                    format!("container {} `memory` {m} MiB is more than the task's `memory` {task_memory} MiB", c.label()),
                )
                .label(task_span, "task memory is set here")
                .help(format!("lower the container `memory` to at most {task_memory}, or raise the task `memory`"));
            }
        }
    }
    if any_single {
        // The sum is then over too; one finding per cause is enough.
        return;
    }
    // What each container reserves: its memoryReservation, else its memory.
    let reserved: Vec<_> = td
        .containers
        .iter()
        .filter_map(|c| {
            let v = if c.memory_reservation.is_absent() {
                c.memory
            } else {
                c.memory_reservation
            };
            v.known_at().map(|(v, s)| (c, v, s))
        })
        .collect();
    let total: i64 = reserved
        .iter()
        .fold(0i64, |acc, (_, v, _)| acc.saturating_add(*v));
    if total <= task_memory {
        return;
    }
    let finding = sink.report(
        task_span,
        td.pointer.field("memory"),
        format!("containers reserve {total} MiB in total, more than the task's `memory` {task_memory} MiB"),
    );
    for (c, v, s) in &reserved {
        finding.label(*s, format!("{} reserves {v} MiB", c.label()));
    }
    finding.help(format!(
        "raise the task `memory` to at least {total}, or lower the containers' `memoryReservation`"
    ));
}
