//! ECS105 container-memory-exceeds-task: each container's `memory`, and the sum of what the
//! containers reserve, must fit in the task's `memory`.

use crate::model::fields::{container, task};
use crate::model::Spelled;
use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS105",
    name: "container-memory-exceeds-task",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [26, 27],
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
    let memory = td.key(&task::MEMORY);
    let container_memory = td.key(&container::MEMORY);
    let mut any_single = false;
    for c in &td.containers {
        if let Some((m, span)) = c.memory.known_at() {
            if m > task_memory {
                any_single = true;
                sink.report(
                    c.at(span),
                    format!("container {} `{container_memory}` {m} MiB is more than the task's `{memory}` {task_memory} MiB", c.label()),
                )
                .label(task_span, "task memory is set here")
                .help(format!("lower the container `{container_memory}` to at most {task_memory}, or raise the task `{memory}`"));
            }
        }
    }
    if any_single {
        // The sum is then over too; one finding per cause is enough.
        return;
    }
    // What the containers reserve: their `memoryReservation`s. A container with only a hard
    // limit is not counted: CDK's own integration templates deploy with a hard limit equal to
    // the task's beside sidecars' reservations, so ECS does not add hard limits to the sum.
    let reserved: Vec<_> = td
        .containers
        .iter()
        .filter_map(|c| c.memory_reservation.known_at().map(|(v, s)| (c, v, s)))
        .collect();
    let total: i64 = reserved
        .iter()
        .fold(0i64, |acc, (_, v, _)| acc.saturating_add(*v));
    if total <= task_memory {
        return;
    }
    let finding = sink.report(
        task_span,
        format!("containers reserve {total} MiB in total, more than the task's `{memory}` {task_memory} MiB"),
    );
    for (c, v, s) in &reserved {
        finding.label(*s, format!("{} reserves {v} MiB", c.label()));
    }
    finding.help(format!(
        "raise the task `{memory}` to at least {total}, or lower the containers' `{}`",
        td.key(&container::MEMORY_RESERVATION)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn container_memory_exceeds_task() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                // Hard limits alone are not added up (see the sum above).
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256},{"name":"log","image":"nginx:1.27","memory":257}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memoryReservation":256},{"name":"log","image":"nginx:1.27","memoryReservation":256}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"1024","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":1024,"memoryReservation":256},{"name":"log","image":"nginx:1.27","memory":768}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":4096}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":"${MEMORY}"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"${TASK_MEMORY}","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":4096}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"1 GB","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":1024}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"1024","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"},"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":2048}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","memory":4096}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":1024}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memoryReservation":300},{"name":"log","image":"nginx:1.27","memoryReservation":300}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":"1024"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"0.5 GB","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":1024}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":1024}],"revision":3}}"#,
                r#"
family: web
requiresCompatibilities: [EC2]
memory: "512"
containerDefinitions:
  - {name: web, image: "nginx:1.27", memoryReservation: 512}
  - {name: log, image: "fluent-bit:2.2", memoryReservation: 64}"#,
            ],
        );
    }
}
