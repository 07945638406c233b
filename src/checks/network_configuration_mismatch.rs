//! ECS414 network-configuration-mismatch: a service states a `networkConfiguration`, but its
//! task definition's network mode is not `awsvpc`.

use crate::link::{Owned, Workspace};
use crate::model::fields::{service, task};
use crate::model::{NetworkMode, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS414",
    name: "network-configuration-mismatch",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [129],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for s in &ws.services {
        let Owned::Known((), config_span) = s.network_configuration else {
            continue;
        };
        // A Fargate service needs its network configuration; its task definition is wrong
        // (ECS407's finding).
        if matches!(&s.launch_type, Owned::Known(lt, _) if &**lt == "FARGATE") {
            continue;
        }
        let candidates = ws.task_defs_of(s);
        // Every candidate (revisions of one family) must be in another mode, for certain; a
        // Fargate task definition in another mode is ECS101's.
        let other = |t: &&crate::link::LinkedTaskDef| {
            t.fargate == Tri::No && t.mode_in_effect().is_some_and(|m| m != NetworkMode::Awsvpc)
        };
        if candidates.is_empty() || !candidates.iter().all(other) {
            continue;
        }
        let td = candidates[0];
        let mode = td.mode_in_effect().map_or("", NetworkMode::as_str);
        let key = service::NETWORK_CONFIGURATION.name(s.id.dialect);
        let finding = sink.report_at(
            &s.site,
            format!(
                "{} has a `{key}`, but its task definition `{}` uses `{mode}` network mode: ECS accepts a network configuration only for `awsvpc` tasks",
                s.called(),
                td.display_name()
            ),
        );
        finding
            .resource(s.name())
            .related(candidates.iter().map(|t| t.id.file))
            .label_in(s.id.file, config_span, format!("`{key}` here"));
        match td.network_mode {
            Owned::Known(_, span) => {
                finding.label_in(
                    td.id.file,
                    span,
                    format!("`{}` is `{mode}`", task::NETWORK_MODE.name(td.id.dialect)),
                );
            }
            _ => {
                finding.label_in(
                    td.id.file,
                    td.id.anchor,
                    format!(
                        "no `{}`: the mode is `{mode}`",
                        task::NETWORK_MODE.name(td.id.dialect)
                    ),
                );
            }
        }
        finding.help(format!(
            "remove `{key}`, or set the task definition's `{}` to `awsvpc` if each task needs its own network interface",
            task::NETWORK_MODE.name(td.id.dialect)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASK: &str = "  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: bridge\n      RequiresCompatibilities: [EC2]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n";

    fn template(service: &str) -> String {
        format!("Resources:\n{TASK}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n{service}")
    }

    #[test]
    fn cases() {
        let config = "      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n";
        let pass = [
            template("      DesiredCount: 1\n"),
            template(config).replace("NetworkMode: bridge", "NetworkMode: awsvpc"),
            template(config).replace("NetworkMode: bridge", "NetworkMode: !Ref Mode"),
            template("      NetworkConfiguration: !If [C, {AwsvpcConfiguration: {Subnets: [a]}}, !Ref AWS::NoValue]\n"),
            template(config).replace("RequiresCompatibilities: [EC2]", "RequiresCompatibilities: [FARGATE]"),
            template(&format!("      LaunchType: FARGATE\n{config}")),
        ];
        let fail = [
            template(config),
            template(config).replace("      NetworkMode: bridge\n", ""),
            template(config).replace("NetworkMode: bridge", "NetworkMode: host"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
