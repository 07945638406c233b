//! ECS416 execute-command-without-task-role: a service turns ECS Exec on, and its task
//! definition has no task role to carry the permissions ECS Exec needs.

use crate::link::Workspace;
use crate::model::fields::{service, task};
use crate::model::Tri;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS416",
    name: "execute-command-without-task-role",
    category: Wiring,
    severity: Warning,
    check: Workspace(check),
    constraints: [184],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for svc in &ws.services {
        let Some(site) = &svc.execute_command else {
            continue;
        };
        let candidates = ws.task_defs_of(svc);
        if candidates.is_empty() || candidates.iter().any(|td| td.task_role != Tri::No) {
            continue;
        }
        let td = candidates[0];
        let dialect = svc.id.dialect;
        let finding = sink.report_at(
            site,
            format!(
                "the {} turns ECS Exec on (`{}`), and task definition `{}` has no `{}`: the SSM agent in its tasks has no credentials to open a session, so `aws ecs execute-command` fails",
                svc.noun,
                service::ENABLE_EXECUTE_COMMAND.name(dialect),
                td.display_name(),
                task::TASK_ROLE_ARN.name(td.id.dialect),
            ),
        );
        finding.pairing(svc, &candidates);
        finding.help(format!(
            "give the task definition a `{}` whose policy allows `ssmmessages:CreateControlChannel`, `CreateDataChannel`, `OpenControlChannel` and `OpenDataChannel`, or turn ECS Exec off",
            task::TASK_ROLE_ARN.name(td.id.dialect)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let template = |role: &str, exec: &str| {
            format!(
                "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: api\n{role}      ContainerDefinitions:\n        - Name: api\n          Image: nginx:1.27\n          Memory: 256\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n{exec}"
            )
        };
        let exec = "      EnableExecuteCommand: true\n";
        let role = "      TaskRoleArn: !GetAtt AppRole.Arn\n";
        let pass = [
            template(role, exec),
            template("", ""),
            template("", "      EnableExecuteCommand: false\n"),
            template("      TaskRoleArn: !Ref RoleArn\n", exec),
            template("", "      EnableExecuteCommand: !Ref Exec\n"),
        ];
        let fail = [template("", exec)];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
