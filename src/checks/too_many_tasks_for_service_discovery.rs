//! ECS318 too-many-tasks-for-service-discovery: a service registered in AWS Cloud Map (service
//! discovery or Service Connect) that asks for more tasks than Cloud Map registers.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS318",
    name: "too-many-tasks-for-service-discovery",
    category: Wiring,
    severity: Warning,
    check: Service(check),
    constraints: [163],
}

/// The instances AWS Cloud Map registers per service (its quota).
const CLOUD_MAP_LIMIT: i64 = 1000;

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let view = s.view();
    let Val::Known(count, span) = view.int(&service::DESIRED_COUNT) else {
        return;
    };
    if count <= CLOUD_MAP_LIMIT {
        return;
    }
    let registries = !view.objects(&service::SERVICE_REGISTRIES).none_known();
    // Service Connect registers instances only for a service that publishes endpoints (its
    // `services`); a client-only configuration registers none.
    let service_connect = matches!(
        view.object(&service::SERVICE_CONNECT_CONFIGURATION),
        Val::Known(sc, _) if matches!(sc.boolean(&service::ENABLED), Val::Known(true, _))
            && !sc.objects(&service::SERVICE_CONNECT_SERVICES).none_known()
    );
    let via = match (registries, service_connect) {
        (true, _) => format!(
            "`{}` (service discovery)",
            s.key(&service::SERVICE_REGISTRIES)
        ),
        (false, true) => "Service Connect".to_string(),
        _ => return,
    };
    sink.report(
        span,
        format!(
            "the service asks for {count} tasks and registers them in AWS Cloud Map through {via}, which registers {CLOUD_MAP_LIMIT} instances per service: the tasks beyond are not discoverable"
        ),
    )
    .help(format!(
        "keep `{}` at {CLOUD_MAP_LIMIT} or fewer (split the service), or put the tasks behind a load balancer",
        s.key(&service::DESIRED_COUNT)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |fields: &str| {
            format!(r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main"{fields}}}"#)
        };
        let reg = r#","serviceRegistries":[{"registryArn":"arn:aws:servicediscovery:us-east-1:1:service/srv-1"}]"#;
        let pass = [
            svc(&format!(r#","desiredCount":1000{reg}"#)),
            svc(r#","desiredCount":5000"#),
            svc(
                r#","desiredCount":2000,"serviceConnectConfiguration":{"enabled":true,"namespace":"shop"}"#,
            ),
            svc(&format!(r#","desiredCount":"${{COUNT}}"{reg}"#)),
        ];
        let fail = [
            svc(&format!(r#","desiredCount":1500{reg}"#)),
            svc(
                r#","desiredCount":2000,"serviceConnectConfiguration":{"enabled":true,"namespace":"shop","services":[{"portName":"http"}]}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
