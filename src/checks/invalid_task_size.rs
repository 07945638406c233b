//! ECS122 invalid-task-size: a task-level `cpu` or `memory` ECS cannot read, or a `cpu`
//! outside the range any task may have.

use crate::model::fields::task;
use crate::model::value::is_placeholder;
use crate::model::{Field, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS122",
    name: "invalid-task-size",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [17, 21],
}

/// The task CPU ECS accepts outside Fargate, in CPU units (0.125 to 192 vCPU).
const CPU_RANGE: (i64, i64) = (128, 196_608);

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(view) = td.view() else {
        return;
    };
    for (field, value, unit, forms) in [
        (
            &task::CPU,
            td.cpu,
            "vcpu",
            "CPU units (`1024`) or vCPU (`1 vCPU`, `0.5 vCPU`)",
        ),
        (
            &task::MEMORY,
            td.memory,
            "gb",
            "MiB (`2048`) or GB (`2 GB`, `0.5 GB`)",
        ),
    ] {
        unreadable(td, view.get(field), field, value, unit, forms, sink);
    }
    // Fargate's sizes are ECS103's.
    if td.is_fargate() == Tri::Yes {
        return;
    }
    let Val::Known(cpu, span) = td.cpu else {
        return;
    };
    let (min, max) = CPU_RANGE;
    if cpu >= 1 && !(min..=max).contains(&cpu) {
        sink.report(
            span,
            format!(
                "task `{}` is {cpu} CPU units, outside the {min}–{max} (0.125 to 192 vCPU) ECS accepts: it refuses the task definition",
                td.key(&task::CPU)
            ),
        )
        .help(format!(
            "`{}` is in CPU units, 1024 to a vCPU: `256` is a quarter of one, `4096` four",
            td.key(&task::CPU)
        ));
    }
}

/// A value written as text that is no size: the model reads it as unknown, and it is not a
/// placeholder.
fn unreadable(
    td: &TaskDef<'_>,
    node: Option<&crate::load::Node<'_>>,
    field: &Field,
    value: Val<'_, i64>,
    unit: &str,
    forms: &str,
    sink: &mut Sink<'_>,
) {
    let (Some(node), Val::Unknown(_)) = (node, value) else {
        return;
    };
    let raw = match &node.kind {
        crate::load::Kind::String(s) => s.as_ref(),
        crate::load::Kind::Number(n) => n.as_ref(),
        _ => return,
    };
    if is_placeholder(raw) || number_with_unit(raw, unit) {
        return;
    }
    sink.report(
        node.span,
        format!(
            "task `{}` `{}` is not a size ECS reads: it takes {forms}, and refuses the task definition",
            td.key(field),
            crate::domain::names::shown(raw),
        ),
    )
    .help(format!("write `{}` as {forms}", td.key(field)));
}

/// A decimal number, perhaps followed by `unit` in any case (`1.3 vCPU`): a form ECS reads,
/// even when the model cannot turn it into whole units.
fn number_with_unit(raw: &str, unit: &str) -> bool {
    let raw = raw.trim();
    let number = match raw.len().checked_sub(unit.len()) {
        Some(at) if raw.is_char_boundary(at) && raw[at..].eq_ignore_ascii_case(unit) => {
            raw[..at].trim_end()
        }
        _ => raw,
    };
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    !(int.is_empty() && frac.is_empty())
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |size: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":["EC2"]{size},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let pass = [
            td(r#","cpu":"1024","memory":"2048""#),
            td(r#","cpu":"1 vCPU","memory":"2 GB""#),
            td(r#","cpu":"0.5 vcpu","memory":"0.5GB""#),
            td(r#","cpu":"${CPU}","memory":"${MEMORY}""#),
            td(r#","cpu":128,"memory":512"#),
            td(r#","cpu":196608"#),
            td(r#","cpu":"1.3 vCPU""#),
            td(""),
        ];
        let fail = [
            td(r#","cpu":"1 vcpus""#),
            td(r#","memory":"2048MiB""#),
            td(r#","memory":"two gigabytes""#),
            td(r#","cpu":"64""#),
            td(r#","cpu":262144"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: 2 cores\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
