//! ECS127 ephemeral-storage-without-fargate: `ephemeralStorage` on a task definition that is
//! not for Fargate.

use crate::model::fields::task;
use crate::model::{Spelled, TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS127",
    name: "ephemeral-storage-without-fargate",
    category: DeployError,
    severity: Warning,
    check: TaskDef(check),
    constraints: [56],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Only a task definition that says what it is for: one that states no compatibilities may
    // still run on Fargate.
    if td.requires_compatibilities.is_none() || td.is_fargate() != Tri::No {
        return;
    }
    let Some(view) = td.view() else {
        return;
    };
    let Some(span) = view.states(&task::EPHEMERAL_STORAGE) else {
        return;
    };
    sink.report(
        span,
        format!(
            "`{}` sizes the storage of Fargate tasks, and this task definition does not require Fargate: on EC2 a task's storage is the instance's Docker volume, and the setting does nothing or is refused",
            td.key(&task::EPHEMERAL_STORAGE)
        ),
    )
    .help(format!(
        "remove `{}` and size the instances' Docker storage (the launch template's volume), or add `FARGATE` to `{}`",
        td.key(&task::EPHEMERAL_STORAGE),
        td.key(&task::REQUIRES_COMPATIBILITIES)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str| {
            format!(
                r#"{{"family":"web"{compat},"ephemeralStorage":{{"sizeInGiB":50}},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let pass = [
            td(r#","requiresCompatibilities":["FARGATE"]"#),
            td(r#","requiresCompatibilities":["EC2","FARGATE"]"#),
            td(""),
            td(r#","requiresCompatibilities":["${COMPAT}"]"#),
        ];
        let fail = [
            td(r#","requiresCompatibilities":["EC2"]"#),
            td(r#","requiresCompatibilities":["EXTERNAL"]"#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
