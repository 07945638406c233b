//! ECS409 capacity-provider-not-associated: a service's capacity provider strategy may name
//! only providers associated with its cluster.

use crate::link::{Link, Workspace};
use crate::model::fields::capacity_provider;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS409",
    name: "capacity-provider-not-associated",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [119],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for s in &ws.services {
        let Link::LogicalId(cluster) = &s.cluster else {
            continue;
        };
        let Some(strategy) = s.capacity_providers.complete() else {
            continue;
        };
        let Some(associated) = ws.providers_of_cluster(s.id.file, cluster) else {
            continue;
        };
        // A provider the cluster names by something the template does not resolve (a
        // parameter) may be any of them.
        if associated
            .iter()
            .any(|p| !matches!(p, Link::Name(_) | Link::LogicalId(_)))
        {
            continue;
        }
        // A capacity provider of the template is named by reference in one place and by its
        // `Name` in another: compare like with like. `FARGATE` and `FARGATE_SPOT` are never the
        // name of one.
        let fargate = |n: &str| n == "FARGATE" || n == "FARGATE_SPOT";
        let all_names = associated.iter().all(|p| matches!(p, Link::Name(_)));
        let refs_only = associated
            .iter()
            .all(|p| matches!(p, Link::LogicalId(_)) || matches!(p, Link::Name(n) if fargate(n)));
        for (provider, site) in strategy {
            let Some(site) = site else {
                continue;
            };
            let (shown, missing) = match provider {
                Link::Name(n) if all_names || fargate(n) => {
                    (n.to_string(), !associated.contains(&provider))
                }
                Link::LogicalId(id) if refs_only => (
                    id.to_string(),
                    !associated
                        .iter()
                        .any(|p| matches!(p, Link::LogicalId(a) if a == id)),
                ),
                _ => continue,
            };
            if !missing {
                continue;
            }
            let listed: Vec<String> = associated
                .iter()
                .filter_map(|p| match p {
                    Link::Name(n) | Link::LogicalId(n) => Some(format!("`{n}`")),
                    _ => None,
                })
                .collect();
            let has = if listed.is_empty() {
                "has no capacity providers".to_string()
            } else {
                format!("has {}", listed.join(", "))
            };
            let key = capacity_provider::CAPACITY_PROVIDERS.name(s.id.dialect);
            let finding = sink.report_at(
                site,
                format!(
                    "capacity provider `{shown}` is not associated with cluster `{cluster}`, which {has}"
                ),
            );
            finding.resource(s.name()).help(format!(
                "add `{shown}` to the cluster's `{key}` (or to an `AWS::ECS::ClusterCapacityProviderAssociations` for it), or use one it has"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(cluster: &str, strategy: &str, extra: &str) -> String {
        format!("Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties:\n{cluster}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: !Ref Cluster\n      TaskDefinition: arn:aws:ecs:us-east-1:1:task-definition/web:1\n      CapacityProviderStrategy:\n{strategy}{extra}")
    }

    #[test]
    fn cases() {
        let spot = "        - CapacityProvider: FARGATE_SPOT\n          Weight: 1\n";
        let asg = "        - CapacityProvider: !Ref Asg\n          Weight: 1\n";
        let provider = "  Asg:\n    Type: AWS::ECS::CapacityProvider\n    Properties:\n      AutoScalingGroupProvider: {AutoScalingGroupArn: arn}\n";
        let named = "  Asg:\n    Type: AWS::ECS::CapacityProvider\n    Properties:\n      Name: web-asg\n      AutoScalingGroupProvider: {AutoScalingGroupArn: arn}\n".to_string();
        let pass = [
            template("      CapacityProviders: [FARGATE, FARGATE_SPOT]\n", spot, ""),
            template("      ClusterName: c\n", spot, "  Assoc:\n    Type: AWS::ECS::ClusterCapacityProviderAssociations\n    Properties:\n      Cluster: !Ref Cluster\n      CapacityProviders: [FARGATE_SPOT]\n      DefaultCapacityProviderStrategy: []\n"),
            template("      CapacityProviders: [!Ref Asg]\n", asg, provider),
            // A cluster provider given by a parameter may be any name.
            template("      CapacityProviders: [!Ref ProviderParam]\n", asg, provider),
            // A parameter is not a capacity provider of the template: unknown.
            template("      CapacityProviders: [FARGATE]\n", asg, ""),
            // Unknown: an association by name, a provider list from a parameter, an export.
            template("      ClusterName: c\n", spot, "  Assoc:\n    Type: AWS::ECS::ClusterCapacityProviderAssociations\n    Properties:\n      Cluster: c\n      CapacityProviders: [FARGATE_SPOT]\n      DefaultCapacityProviderStrategy: []\n"),
            template("      CapacityProviders: !Ref Providers\n", spot, ""),
            template("      CapacityProviders: [FARGATE]\n", spot, "Outputs:\n  C:\n    Value: !Ref Cluster\n    Export: {Name: shared-cluster}\n"),
            template("      CapacityProviders: [!Ref Asg]\n", spot, ""),
            // `Ref` to a capacity provider is its name: the one its `Name` states.
            template("      CapacityProviders: [web-asg]\n", asg, &named),
            template(
                "      CapacityProviders: [!Ref Asg]\n",
                "        - CapacityProvider: web-asg\n          Weight: 1\n",
                &named,
            ),
        ];
        let fail = [
            template("      CapacityProviders: [FARGATE]\n", spot, ""),
            template("      CapacityProviders: [batch-asg]\n", asg, &named),
            template("      ClusterName: c\n", spot, ""),
            template("      CapacityProviders: [FARGATE]\n", asg, provider),
            // Both by reference, to different capacity providers of the template.
            template(
                "      CapacityProviders: [!Ref Other]\n",
                asg,
                &format!("{provider}  Other:\n    Type: AWS::ECS::CapacityProvider\n    Properties:\n      AutoScalingGroupProvider: {{AutoScalingGroupArn: arn2}}\n"),
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
