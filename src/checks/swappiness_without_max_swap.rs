//! ECS231 swappiness-without-max-swap: a container sets `swappiness` but no `maxSwap`, so it
//! has no swap to use and the setting does nothing.

use crate::model::fields::{container, linux_parameters};
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS231",
    name: "swappiness-without-max-swap",
    category: BestPractice,
    severity: Warning,
    check: Container(check),
    constraints: [105],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    if td.is_fargate() == Tri::Yes {
        return; // ECS116: Fargate refuses both
    }
    let Val::Known(linux, _) = c.view().object(&container::LINUX_PARAMETERS) else {
        return;
    };
    let Some(span) = linux.key_span(&linux_parameters::SWAPPINESS) else {
        return;
    };
    if !linux.int(&linux_parameters::MAX_SWAP).is_absent() {
        return;
    }
    let max_swap = c.key(&linux_parameters::MAX_SWAP);
    sink.report(
        c.at(span),
        format!(
            "container {} sets `{}` but no `{max_swap}`: without `{max_swap}` the container gets no swap, so the setting does nothing",
            c.label(),
            c.key(&linux_parameters::SWAPPINESS)
        ),
    )
    .help(format!("set `{max_swap}` to the MiB of swap the container may use, or remove `{}`", c.key(&linux_parameters::SWAPPINESS)));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |linux: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":["EC2"],"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"linuxParameters":{{{linux}}}}}]}}"#
            )
        };
        let pass = [
            td(r#""swappiness":60,"maxSwap":512"#),
            td(r#""maxSwap":512"#),
            td(r#""swappiness":60,"maxSwap":"${SWAP}""#),
        ];
        let fail = [
            td(r#""swappiness":60"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [EC2]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n          LinuxParameters:\n            Swappiness: 60\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
