//! ECS124 execution-role-as-task-role: the task role and the task execution role are the same
//! role.

use crate::model::fields::task;
use crate::model::{Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS124",
    name: "execution-role-as-task-role",
    category: Security,
    severity: Warning,
    check: TaskDef(check),
    security_severity: "5.0",
    profile: Security,
    peers: ["checkov:CKV_AWS_249"],
    constraints: [71],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(view) = td.view() else {
        return;
    };
    let task_role = view.text(&task::TASK_ROLE_ARN);
    let execution_role = view.text(&task::EXECUTION_ROLE_ARN);
    let (span, exec_span) = match (task_role, execution_role) {
        (Val::Known(a, span), Val::Known(b, exec_span)) if a == b => (span, exec_span),
        // The same role of the template, by `Ref` or `Fn::GetAtt`.
        (Val::Ref(a, span), Val::Ref(b, exec_span))
            if a.id == b.id && a.attribute == b.attribute =>
        {
            (span, exec_span)
        }
        _ => return,
    };
    sink.report(
        span,
        "the task role is the task execution role: the application's code gets every permission ECS needs to start the task (pulling any image, reading every secret the execution role may read, writing logs) and the execution role every permission the application needs",
    )
    .label(
        exec_span,
        format!("`{}` is the same role", td.key(&task::EXECUTION_ROLE_ARN)),
    )
    .help(format!(
        "give `{}` a role of its own with only what the application calls, and keep `{}` for ECS",
        td.key(&task::TASK_ROLE_ARN),
        td.key(&task::EXECUTION_ROLE_ARN)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |roles: &str| {
            format!(
                r#"{{"family":"web"{roles},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let exec = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
        let pass = [
            td(&format!(
                r#","executionRoleArn":"{exec}","taskRoleArn":"arn:aws:iam::123456789012:role/web""#
            )),
            td(&format!(r#","executionRoleArn":"{exec}""#)),
            td(r#","executionRoleArn":"${ROLE}","taskRoleArn":"${ROLE}""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: !GetAtt ExecRole.Arn\n      TaskRoleArn: !GetAtt AppRole.Arn\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n".to_string(),
        ];
        let fail = [
            td(&format!(
                r#","executionRoleArn":"{exec}","taskRoleArn":"{exec}""#
            )),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: !GetAtt Role.Arn\n      TaskRoleArn: !GetAtt Role.Arn\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
