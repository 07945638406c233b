//! ECS316 missing-task-definition: a service to create names no task definition, and its
//! deployment controller needs one.

use crate::model::fields::service;
use crate::model::{Service, ServiceShape, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS316",
    name: "missing-task-definition",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [115],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    // Templates only: update-service input keeps the service's, and service files in API
    // JSON are most often written for a deployment tool that fills it (ecspresso, the
    // deploy actions), indistinguishable from create-service input.
    if s.shape != ServiceShape::Template {
        return;
    }
    if !s.task_definition.is_absent() {
        return;
    }
    let controller = match s.deployment_controller {
        Val::Absent => "ECS",
        Val::Known(c, _)
            if c.eq_ignore_ascii_case("ECS") || c.eq_ignore_ascii_case("CODE_DEPLOY") =>
        {
            c
        }
        _ => return,
    };
    sink.report(
        s.anchor,
        format!(
            "the service names no `{}`: with the `{controller}` deployment controller ECS starts the service from one, and refuses to create it without",
            s.key(&service::TASK_DEFINITION)
        ),
    )
    .help(format!(
        "set `{}` to the task definition's family (`web`), `family:revision` (`web:7`) or ARN",
        s.key(&service::TASK_DEFINITION)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let pass = [
            r#"{"serviceName":"web","cluster":"main","taskDefinition":"web:7"}"#,
            // An ecspresso service definition: the tool fills the task definition.
            r#"{"serviceName":"web","cluster":"main","desiredCount":2}"#,
            r#"{"serviceName":"web","cluster":"main","deploymentController":{"type":"EXTERNAL"}}"#,
            r#"{"serviceName":"web","cluster":"main","taskDefinition":"${TASK_DEF}"}"#,
            r#"{"serviceName":"web","cluster":"main","deploymentController":{"type":"${CONTROLLER}"}}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n",
        ];
        let fail = [
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: main\n      DeploymentController:\n        Type: CODE_DEPLOY\n",
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: main\n      DesiredCount: 2\n      LaunchType: FARGATE\n",
        ];
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
