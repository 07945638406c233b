//! ECS235 container-memory-too-low: a container memory limit below the 6 MiB Docker needs.

use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS235",
    name: "container-memory-too-low",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [29],
}

/// Docker's smallest memory limit, in MiB (4 MiB before Docker 20.10).
const MIN_MIB: i64 = 6;

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Val::Known(memory, span) = c.memory else {
        return;
    };
    // Zero and negative values are the schema's (ECS refuses them at registration).
    if !(1..MIN_MIB).contains(&memory) {
        return;
    }
    sink.report(
        c.at(span),
        format!(
            "container {} has a memory limit of {memory} MiB, below the {MIN_MIB} MiB Docker accepts: the container never starts",
            c.label()
        ),
    )
    .help(format!(
        "`{}` is in MiB: give the limit in MiB (1 GiB is 1024), at least {MIN_MIB}",
        c.key(&container::MEMORY)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |memory: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":{memory}}}]}}"#
            )
        };
        let pass = [td("6"), td("512"), td(r#""${MEMORY}""#), td("0")];
        let fail = [td("1"), td("4"), td(r#""2""#)];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
