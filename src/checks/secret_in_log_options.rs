//! ECS232 secret-in-log-options: a plain-text credential in a container's log configuration
//! options. The message names the option, never its value.

use crate::model::fields::{container, log_configuration};
use crate::model::{Container, Spelled, TaskDef};
use crate::rule::Sink;
use crate::secrets::log_option_secrets;

crate::declare_rule! {
    code: "ECS232",
    name: "secret-in-log-options",
    category: Security,
    severity: Error,
    check: Container(check),
    security_severity: "8.5",
    constraints: [70],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    for secret in log_option_secrets(c) {
        sink.report(
            c.at(secret.value_span),
            format!(
                "log option `{}` of container {} holds a credential in plain text: anyone who can read the task definition (`ecs:DescribeTaskDefinition`, the console, CloudTrail) can read it",
                crate::domain::names::shown(secret.name),
                c.label()
            ),
        )
        .label(secret.key_span, "this option")
        .help(format!(
            "store it in Secrets Manager or SSM Parameter Store and pass it in `{}.{}` as `{{\"name\": \"{}\", \"valueFrom\": \"<secret ARN>\"}}`; the task's execution role reads it at start",
            c.key(&container::LOG_CONFIGURATION),
            c.key(&log_configuration::SECRET_OPTIONS),
            crate::domain::names::shown(secret.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |log: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"logConfiguration":{log}}}]}}"#
            )
        };
        let pass = [
            td(
                r#"{"logDriver":"splunk","options":{"splunk-url":"https://splunk.example.com:8088"},"secretOptions":[{"name":"splunk-token","valueFrom":"arn:aws:secretsmanager:us-east-1:123456789012:secret:splunk-AbCdEf"}]}"#,
            ),
            td(r#"{"logDriver":"splunk","options":{"splunk-token":"${SPLUNK_TOKEN}"}}"#),
            td(r#"{"logDriver":"awsfirelens","options":{"Name":"datadog","apikey":""}}"#),
            td(
                r#"{"logDriver":"awsfirelens","options":{"Name":"es","HTTP_Passwd":"arn:aws:secretsmanager:us-east-1:123456789012:secret:es"}}"#,
            ),
            td(
                r#"{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1"}}"#,
            ),
            td(
                r#"{"logDriver":"awsfirelens","options":{"Name":"http","tls":"on","token_header":"Authorization"}}"#,
            ),
        ];
        let fail = [
            td(r#"{"logDriver":"splunk","options":{"splunk-url":"https://splunk.example.com:8088","splunk-token":"2d6f1c3e-8a7b-4c2d-9e0f-1a2b3c4d5e6f"}}"#),
            td(r#"{"logDriver":"awsfirelens","options":{"Name":"datadog","apikey":"0123456789abcdef0123456789abcdef"}}"#),
            td(r#"{"logDriver":"awsfirelens","options":{"Name":"es","HTTP_Passwd":"hunter2hunter2"}}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: splunk\n            Options:\n              splunk-token: 2d6f1c3e-8a7b-4c2d-9e0f-1a2b3c4d5e6f\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
