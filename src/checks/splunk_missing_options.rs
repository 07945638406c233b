//! ECS233 splunk-missing-options: a container logs with the `splunk` driver without the URL
//! or the token the driver needs.

use crate::model::fields::{container, log_configuration};
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS233",
    name: "splunk-missing-options",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [76],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // On EC2, Docker merges the daemon's `log-opts` into a container whose driver is the
    // daemon's default: an instance configured for Splunk supplies the URL and token.
    if td.is_fargate() != crate::model::Tri::Yes {
        return;
    }
    let Some(log) = c.log_configuration.as_known() else {
        return;
    };
    let Val::Known(driver, driver_span) = log.driver else {
        return;
    };
    if driver != "splunk" {
        return;
    }
    let view = crate::model::View::new(log.node, c.dialect);
    let secret_options = view.objects(&log_configuration::SECRET_OPTIONS);
    let Some(secret_options) = secret_options.complete() else {
        return;
    };
    let in_secrets = |name: &str| {
        secret_options.iter().any(|s| {
            !matches!(s.text(&crate::model::fields::secret::NAME), Val::Known(n, _) if n != name)
        })
    };
    let missing: Vec<&str> = ["splunk-url", "splunk-token"]
        .into_iter()
        .filter(|name| log.option(name).is_absent() && !in_secrets(name))
        .collect();
    if missing.is_empty() {
        return;
    }
    let names = missing
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    sink.report(
        c.at(driver_span),
        format!(
            "container {} logs with `splunk` without {names}: the Splunk log driver needs both, and the container fails to start",
            c.label()
        ),
    )
    .help(format!(
        "set `splunk-url` in `{}.{}`, and pass `splunk-token` from Secrets Manager or Parameter Store in `{}`",
        c.key(&container::LOG_CONFIGURATION),
        c.key(&log_configuration::OPTIONS),
        c.key(&log_configuration::SECRET_OPTIONS)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |log: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[{{"name":"web","image":"nginx:1.27","logConfiguration":{log}}}]}}"#
            )
        };
        let pass = [
            td(
                r#"{"logDriver":"splunk","options":{"splunk-url":"https://splunk.example.com:8088"},"secretOptions":[{"name":"splunk-token","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/splunk"}]}"#,
            ),
            td(
                r#"{"logDriver":"splunk","options":{"splunk-url":"https://s:8088","splunk-token":"${TOKEN}"}}"#,
            ),
            td(r#"{"logDriver":"splunk","options":"${OPTIONS}"}"#),
            td(
                r#"{"logDriver":"splunk","options":{"splunk-url":"https://s:8088"},"secretOptions":"${SECRETS}"}"#,
            ),
            td(
                r#"{"logDriver":"awslogs","options":{"awslogs-group":"g","awslogs-region":"us-east-1"}}"#,
            ),
            // EC2: the instance's Docker daemon may supply the options.
            r#"{"family":"web","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256,"logConfiguration":{"logDriver":"splunk"}}]}"#.to_string(),
        ];
        let fail = [
            td(r#"{"logDriver":"splunk","options":{"splunk-url":"https://splunk.example.com:8088"}}"#),
            td(r#"{"logDriver":"splunk","secretOptions":[{"name":"splunk-token","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/splunk"}]}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: splunk\n            Options:\n              splunk-format: json\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
