//! ECS113 fargate-unsupported-log-driver: a Fargate task definition's container logs with a
//! driver Fargate does not have.

use crate::domain::logging::{LogDriver, FARGATE_DRIVERS};
use crate::model::fields::log_configuration;
use crate::model::Spelled;
use crate::model::{Container, TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS113",
    name: "fargate-unsupported-log-driver",
    category: DeployError,
    severity: Error,
    check: Container(check),
    peers: ["cfn-lint:E3048", "cfn-lint:E3713"],
    constraints: [54],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    if td.is_fargate() != Tri::Yes {
        return;
    }
    let Some(log) = c.log_configuration.as_known() else {
        return;
    };
    let Some((driver, span)) = log.driver.known_at() else {
        return;
    };
    // A value the API does not know is a structural error, not this rule's.
    let Some(parsed) = LogDriver::parse(driver) else {
        return;
    };
    if parsed.on_fargate() {
        return;
    }
    let finding = sink.report(
        c.at(span),
        format!(
            "container {} logs with `{driver}`, which Fargate does not support: ECS refuses the task definition",
            c.label()
        ),
    );
    if let Some(f) = td.fargate_span() {
        finding.label(f, "Fargate is required here");
    }
    finding.help(format!(
        "set `{}` to {FARGATE_DRIVERS} (`awsfirelens` routes logs to Fluent Bit or Fluentd, for destinations `awslogs` does not reach)",
        c.key(&log_configuration::LOG_DRIVER)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, driver: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat},"networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[{{"name":"web","image":"nginx:1.27","logConfiguration":{{"logDriver":"{driver}"}}}}]}}"#
            )
        };
        let pass = [
            td(r#"["FARGATE"]"#, "awslogs"),
            td(r#"["FARGATE"]"#, "splunk"),
            td(r#"["FARGATE"]"#, "awsfirelens"),
            td(r#"["EC2"]"#, "json-file"),
            td(r#"["${COMPAT}"]"#, "syslog"),
            td(r#"["FARGATE"]"#, "${DRIVER}"),
            // Not a driver the API knows: the schema's finding, not this rule's.
            td(r#"["FARGATE"]"#, "awslog"),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: !Ref Driver\n".to_string(),
        ];
        let fail = [
            td(r#"["FARGATE"]"#, "json-file"),
            td(r#"["EC2","FARGATE"]"#, "fluentd"),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: syslog\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
