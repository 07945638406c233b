//! ECS406 missing-network-configuration: a service whose task definition uses `awsvpc` must
//! say which subnets (and security groups) its tasks' network interfaces go in.

use crate::link::{Owned, Workspace};
use crate::model::fields::{service, task};
use crate::model::NetworkMode;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS406",
    name: "missing-network-configuration",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    peers: ["cfn-lint:E3052"],
    constraints: [128],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for s in &ws.services {
        if !s.network_configuration.is_absent() {
            continue;
        }
        let candidates = ws.task_defs_of(s);
        let awsvpc = |t: &&crate::link::LinkedTaskDef| {
            matches!(t.network_mode, Owned::Known(NetworkMode::Awsvpc, _))
        };
        // Every candidate (revisions of one family) must say `awsvpc`.
        if candidates.is_empty() || !candidates.iter().all(awsvpc) {
            continue;
        }
        let td = candidates[0];
        let key = service::NETWORK_CONFIGURATION.name(s.id.dialect);
        let finding = sink.report_at(
            &s.site,
            format!(
                "{} has no `{key}`, but its task definition `{}` uses `awsvpc` network mode",
                s.called(),
                td.display_name()
            ),
        );
        finding
            .resource(s.name())
            .related(candidates.iter().map(|t| t.id.file));
        if let Owned::Known(_, span) = td.network_mode {
            finding.label_in(
                td.id.file,
                span,
                format!("`{}` is `awsvpc`", task::NETWORK_MODE.name(td.id.dialect)),
            );
        }
        finding.help(format!(
            "add `{key}` with the subnets and security groups of the tasks' network interfaces"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASK: &str = "  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n";

    fn template(service: &str) -> String {
        format!("Parameters:\n  Subnets: {{Type: String}}\nResources:\n{TASK}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n{service}")
    }

    #[test]
    fn cases() {
        let pass = [
            template("      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [!Ref Subnets]\n"),
            template("      NetworkConfiguration: !If [Custom, {AwsvpcConfiguration: {Subnets: [a]}}, !Ref AWS::NoValue]\n"),
            template("      DesiredCount: 1\n").replace("NetworkMode: awsvpc", "NetworkMode: bridge"),
            template("      DesiredCount: 1\n").replace("NetworkMode: awsvpc", "NetworkMode: !Ref Mode"),
            // update-service input keeps the service's configuration.
            r#"{"service": "web", "cluster": "c", "taskDefinition": "web:2", "desiredCount": 2}"#.to_string(),
        ];
        let fail = [
            template("      DesiredCount: 1\n"),
            template("      NetworkConfiguration: !Ref AWS::NoValue\n"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
