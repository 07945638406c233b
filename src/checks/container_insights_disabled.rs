//! ECS601 container-insights-disabled: a cluster that does not turn on CloudWatch Container
//! Insights.

use crate::model::fields::cluster;
use crate::model::{Cluster, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS601",
    name: "container-insights-disabled",
    category: Security,
    severity: Warning,
    check: Cluster(check),
    security_severity: "3.0",
    profile: Security,
    peers: [
        "securityhub:ECS.12",
        "checkov:CKV_AWS_65",
        "trivy:AVD-AWS-0034",
    ],
    constraints: [183],
}

fn check(c: &Cluster<'_>, sink: &mut Sink<'_>) {
    let view = c.view();
    let settings = view.objects(&cluster::SETTINGS);
    let insights = settings
        .iter()
        .find(|s| matches!(s.text(&cluster::NAME), Val::Known(n, _) if n == "containerInsights"));
    let key = c.key(&cluster::SETTINGS);
    let help = format!(
        "add `{{{}: containerInsights, {}: enabled}}` to `{key}` (`enhanced` adds task- and container-level metrics)",
        c.key(&cluster::NAME),
        c.key(&cluster::VALUE)
    );
    match insights {
        Some(setting) => {
            if let Val::Known(value, span) = setting.text(&cluster::VALUE) {
                if value == "disabled" {
                    sink.report(
                        span,
                        "the cluster turns Container Insights off: no task- or service-level CPU, memory, network and storage metrics, and nothing to alarm on when a service degrades",
                    )
                    .help(help);
                }
            }
        }
        // The setting may be in what the file does not show whole.
        None if !settings.is_complete() => {}
        None => {
            sink.report(
                c.anchor,
                "the cluster does not turn on Container Insights: without it (or an account default that turns it on) there are no task- or service-level metrics to alarm on when a service degrades",
            )
            .help(help);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let cluster =
            |props: &str| format!("Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n{props}");
        let pass = [
            cluster("    Properties:\n      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n"),
            cluster("    Properties:\n      ClusterSettings:\n        - Name: containerInsights\n          Value: enhanced\n"),
            cluster("    Properties:\n      ClusterSettings:\n        - Name: containerInsights\n          Value: !Ref Insights\n"),
            cluster("    Properties:\n      ClusterSettings: !If [Prod, [{Name: containerInsights, Value: enabled}], !Ref AWS::NoValue]\n"),
            cluster("    Properties:\n      ClusterSettings:\n        - !If [Prod, {Name: containerInsights, Value: enabled}, !Ref AWS::NoValue]\n"),
            "Resources:\n  Assoc:\n    Type: AWS::ECS::ClusterCapacityProviderAssociations\n    Properties:\n      Cluster: main\n      CapacityProviders: [FARGATE]\n      DefaultCapacityProviderStrategy: []\n".to_string(),
        ];
        let fail = [
            cluster(""),
            cluster("    Properties:\n      ClusterName: main\n"),
            cluster("    Properties:\n      ClusterSettings:\n        - Name: containerInsights\n          Value: disabled\n"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
