//! ECS207 memory-below-reservation: a container's hard `memory` limit below its soft
//! `memoryReservation`.

use crate::model::fields::container;
use crate::model::Spelled;
use crate::model::{Container, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS207",
    name: "memory-below-reservation",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [25],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let (Some((memory, memory_span)), Some((reservation, reservation_span))) =
        (c.memory.known_at(), c.memory_reservation.known_at())
    else {
        return;
    };
    if memory < reservation {
        let (memory_key, reservation_key) = (
            c.key(&container::MEMORY),
            c.key(&container::MEMORY_RESERVATION),
        );
        sink.report(
            memory_span,
            format!("container {} `{memory_key}` {memory} MiB is below its `{reservation_key}` {reservation} MiB", c.label()),
        )
        .label(reservation_span, "the soft limit is set here")
        .help(format!("set `{memory_key}` to at least {reservation}, or lower `{reservation_key}`"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn memory_below_reservation() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512,"memoryReservation":512}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":1024,"memoryReservation":512}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memoryReservation":256}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":"${MEMORY}","memoryReservation":512}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256,"memoryReservation":"{{ must_env `RESERVATION` }}"}]}"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27", memory: "512", memoryReservation: 512}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":511,"memoryReservation":512}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":"256","memoryReservation":"512"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512},{"name":"log","image":"nginx:1.27","memory":64,"memoryReservation":128}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","memory":256,"memoryReservation":512}]"#,
                r#"{"name":"web","image":"nginx:1.27","memory":256,"memoryReservation":512}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":128,"memoryReservation":256}]}"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27", memory: 256, memoryReservation: 512}"#,
            ],
        );
    }
}
