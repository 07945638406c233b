//! ECS322 invalid-service-connect-configuration: a Service Connect configuration ECS refuses:
//! access logs without a log configuration, a service with several client aliases.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS322",
    name: "invalid-service-connect-configuration",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [165, 166],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Val::Known(sc, _) = s.view().object(&service::SERVICE_CONNECT_CONFIGURATION) else {
        return;
    };
    if let (Val::Known(true, _), Val::Known(version, span)) = (
        sc.boolean(&service::ENABLED),
        s.view().text(&service::PLATFORM_VERSION),
    ) {
        if ["1.0.0", "1.1.0", "1.2.0", "1.3.0"].contains(&version) {
            sink.report(
                span,
                format!(
                    "Service Connect needs Fargate platform version 1.4.0 or later, and the service is pinned to {version}: ECS refuses the service"
                ),
            )
            .help(format!(
                "set `{}` to `LATEST`, or remove it",
                s.key(&service::PLATFORM_VERSION)
            ));
        }
    }
    if let Some(span) = sc.key_span(&service::ACCESS_LOG_CONFIGURATION) {
        if sc.get(&service::LOG_CONFIGURATION).is_none() {
            sink.report(
                span,
                format!(
                    "Service Connect access logs are written through the proxy's `{}`, and this configuration has none: ECS refuses the service",
                    s.key(&service::LOG_CONFIGURATION)
                ),
            )
            .help(format!(
                "add a `{}` (an `awslogs` log group) beside `{}`",
                s.key(&service::LOG_CONFIGURATION),
                s.key(&service::ACCESS_LOG_CONFIGURATION)
            ));
        }
    }
    for entry in &sc.objects(&service::SERVICE_CONNECT_SERVICES) {
        let aliases = entry.objects(&service::CLIENT_ALIASES);
        if let Some([_, second, ..]) = aliases.complete() {
            sink.report(
                second.span(),
                format!(
                    "a Service Connect service takes one entry in `{}`, and this one has {}: ECS refuses the service",
                    s.key(&service::CLIENT_ALIASES),
                    aliases.iter().count()
                ),
            )
            .help("give each port its own Service Connect service (one per port mapping name), each with its one client alias");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |sc: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","serviceConnectConfiguration":{{"enabled":true,"namespace":"shop"{sc}}}}}"#
            )
        };
        let log = r#","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/sc","awslogs-region":"us-east-1","awslogs-stream-prefix":"w"}}"#;
        let pass = [
            svc(&format!(
                r#"{log},"accessLogConfiguration":{{"format":"TEXT"}}"#
            )),
            svc(
                r#","services":[{"portName":"http","clientAliases":[{"port":80,"dnsName":"web"}]}]"#,
            ),
            svc(r#","services":[{"portName":"http","clientAliases":"${ALIASES}"}]"#),
            r#"{"serviceName":"web","taskDefinition":"web:1","platformVersion":"1.3.0","serviceConnectConfiguration":{"enabled":false}}"#.to_string(),
        ];
        let fail = [
            r#"{"serviceName":"web","taskDefinition":"web:1","platformVersion":"1.3.0","serviceConnectConfiguration":{"enabled":true,"namespace":"shop"}}"#.to_string(),
            svc(r#","accessLogConfiguration":{"format":"TEXT"}"#),
            svc(
                r#","services":[{"portName":"http","clientAliases":[{"port":80,"dnsName":"web"},{"port":8080,"dnsName":"web-alt"}]}]"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
