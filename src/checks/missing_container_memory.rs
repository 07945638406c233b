//! ECS208 missing-container-memory: without task-level `memory`, every container must set
//! `memory` or `memoryReservation`.

use crate::model::fields::{container, task};
use crate::model::Spelled;
use crate::model::{Container, TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS208",
    name: "missing-container-memory",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [24, 32],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // On Fargate the missing task memory is the error (ECS102); one fix covers both.
    if !td.memory.is_absent() || td.is_fargate() != Tri::No {
        return;
    }
    if c.memory.is_absent() && c.memory_reservation.is_absent() {
        let (memory, reservation, task_memory) = (
            c.key(&container::MEMORY),
            c.key(&container::MEMORY_RESERVATION),
            td.key(&task::MEMORY),
        );
        sink.report(
            c.missing(),
            format!(
                "container {} sets neither `{memory}` nor `{reservation}`, and the task sets no `{task_memory}`",
                c.label()
            ),
        )
        .help(format!("set `{reservation}` to 256 (a soft limit) or `{memory}` to 512 (a hard limit) on the container, or set the task `{task_memory}`"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_container_memory() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memoryReservation":256}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"memory":"${TASK_MEMORY}","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":"{{ must_env `MEMORY` }}"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["${LAUNCH_TYPE}"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","essential":true}]"#,
                r#"{"name":"web","image":"nginx:1.27","essential":true}"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":null}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","requiresCompatibilities":["EXTERNAL"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512},{"name":"log","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}],"revision":3}}"#,
                r#"
family: web
requiresCompatibilities: [EC2]
containerDefinitions:
  - {name: web, image: "nginx:1.27"}"#,
            ],
        );
    }
}
