//! ECS234 firelens-router-not-essential: the FireLens log router container is marked not
//! essential.

use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS234",
    name: "firelens-router-not-essential",
    category: BestPractice,
    severity: Warning,
    check: Container(check),
    constraints: [78],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Val::Known(false, span) = c.essential else {
        return;
    };
    let router = c
        .view()
        .get(&container::FIRELENS_CONFIGURATION)
        .is_some_and(|n| n.is_item_object());
    if !router {
        return;
    }
    sink.report(
        c.at(span),
        format!(
            "container {} is the task's FireLens log router and is not essential: if it stops, the task keeps running and the logs of every container that uses `awsfirelens` are lost",
            c.label()
        ),
    )
    .help(format!(
        "remove `{}: false` (containers are essential by default), so that ECS stops and replaces the task when its log router fails",
        c.key(&container::ESSENTIAL)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |router: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"log_router","image":"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable","memory":64,{router}}},{{"name":"web","image":"nginx:1.27","memory":256,"logConfiguration":{{"logDriver":"awsfirelens","options":{{"Name":"cloudwatch"}}}}}}]}}"#
            )
        };
        let pass = [
            td(r#""firelensConfiguration":{"type":"fluentbit"}"#),
            td(r#""essential":true,"firelensConfiguration":{"type":"fluentbit"}"#),
            td(r#""essential":"${ESSENTIAL}","firelensConfiguration":{"type":"fluentbit"}"#),
            td(r#""essential":false"#),
        ];
        let fail = [
            td(r#""essential":false,"firelensConfiguration":{"type":"fluentbit"}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: log_router\n          Image: fluent-bit:3.0\n          Essential: false\n          FirelensConfiguration:\n            Type: fluentbit\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
