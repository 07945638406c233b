//! ECS104 container-cpu-exceeds-task: the containers' `cpu` must fit in the task's `cpu`.

use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS104",
    name: "container-cpu-exceeds-task",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Windows ignores task-level cpu; containers' values are what counts there.
    // The API documents task-level sizes as ignored for Windows containers, so a mismatch
    // is not known to fail there (on Fargate either); say nothing.
    if td.is_windows() != Tri::No {
        return;
    }
    let Some((task_cpu, task_span)) = td.cpu.known_at() else {
        return;
    };
    let known: Vec<_> = td
        .containers
        .iter()
        .filter_map(|c| c.cpu.known_at().map(|(v, s)| (c, v, s)))
        .collect();
    // Unknown container values only add to the sum, so the known part already proves it.
    let total: i64 = known
        .iter()
        .fold(0i64, |acc, (_, v, _)| acc.saturating_add(*v));
    if total <= task_cpu {
        return;
    }
    let message = if known.len() == 1 {
        format!(
            "container {} reserves {total} CPU units, more than the task's `cpu` {task_cpu}",
            known[0].0.label()
        )
    } else {
        format!(
            "containers reserve {total} CPU units in total, more than the task's `cpu` {task_cpu}"
        )
    };
    let finding = sink.report(task_span, td.pointer.field("cpu"), message);
    for (c, v, s) in &known {
        finding.label(*s, format!("{} reserves {v}", c.label()));
    }
    finding.help(format!(
        "raise the task `cpu`, or lower the containers' `cpu` so they add up to at most {task_cpu}"
    ));
}
