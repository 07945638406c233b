//! ECS118 shared-host-namespace: a task definition shares the host's process (`pidMode`) or
//! IPC (`ipcMode`) namespace.

use crate::model::fields::task;
use crate::model::{Field, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS118",
    name: "shared-host-namespace",
    category: Security,
    severity: Warning,
    check: TaskDef(check),
    security_severity: "7.5",
    peers: ["securityhub:ECS.3", "checkov:CKV_AWS_335"],
    constraints: [178],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // On Fargate these are deploy errors, ECS116's.
    if td.is_fargate() == Tri::Yes {
        return;
    }
    let Some(view) = td.view() else {
        return;
    };
    let modes: [(&Field, &str); 2] = [
        (
            &task::PID_MODE,
            "see and signal every process on the instance, other tasks' included",
        ),
        (
            &task::IPC_MODE,
            "read and write the instance's shared memory and message queues",
        ),
    ];
    for (field, risk) in modes {
        if let Val::Known("host", span) = view.text(field) {
            let key = td.key(field);
            sink.report(
                span,
                format!("`{key}` `host` lets the task's containers {risk}"),
            )
            .help(format!(
                "use `{key}` `task` to share the namespace between the task's containers only, or omit it"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, modes: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat}{modes},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let ec2 = r#"["EC2"]"#;
        let pass = [
            td(ec2, ""),
            td(ec2, r#","pidMode":"task","ipcMode":"none""#),
            td(ec2, r#","pidMode":"${PID}""#),
            td(r#"["FARGATE"]"#, r#","pidMode":"host""#),
        ];
        let fail = [
            td(ec2, r#","pidMode":"host""#),
            td(ec2, r#","ipcMode":"host""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      PidMode: host\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
