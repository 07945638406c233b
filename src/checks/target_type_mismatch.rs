//! ECS403 target-type-mismatch: the target group a service registers its tasks with must
//! take them the way the task's network mode exposes them: by IP address (`ip`) for
//! `awsvpc`, by instance (`instance`) for `bridge` and `host`.

use crate::link::{Owned, Workspace};
use crate::model::fields::{target_group, task};
use crate::model::NetworkMode;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS403",
    name: "target-type-mismatch",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [150],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let candidates = ws.task_defs_of(service);
        let Some(td) = candidates.first() else {
            continue;
        };
        let Some(mode) = td.mode_in_effect() else {
            continue;
        };
        // Candidates that disagree (two revisions of a family) prove nothing.
        if candidates.iter().any(|t| t.mode_in_effect() != Some(mode)) {
            continue;
        }
        let needed = match mode {
            NetworkMode::Awsvpc => "ip",
            NetworkMode::Bridge | NetworkMode::Host => "instance",
            NetworkMode::None | NetworkMode::Default => continue,
        };
        for lb in &service.load_balancers {
            let Some(tg) = ws.target_group_of(service, lb) else {
                continue;
            };
            let (Some(site), Some(logical)) = (&tg.target_type_site, tg.id.logical_id.as_deref())
            else {
                continue;
            };
            let target_type = match &tg.target_type {
                Owned::Known(t, _) => &**t,
                Owned::Absent => "instance",
                Owned::Unknown(_) | Owned::Ref(..) => continue,
            };
            if target_type.eq_ignore_ascii_case(needed) {
                continue;
            }
            let key = target_group::TARGET_TYPE.name(tg.id.dialect);
            let stated = if tg.target_type.is_absent() {
                format!("has no `{key}`, so it registers targets by instance")
            } else {
                format!("has `{key}` `{target_type}`")
            };
            let how = match needed {
                "ip" => "by IP address",
                _ => "on the container instance's ports",
            };
            let finding = sink.report_at(
                site,
                format!(
                    "target group `{logical}` {stated}, but task definition `{}` uses `{}` network mode, which exposes tasks {how}",
                    td.display_name(),
                    mode.as_str()
                ),
            );
            finding
                .resource(Some(logical.to_string()))
                .related(candidates.iter().map(|t| t.id.file))
                .related([service.id.file]);
            let network_mode = task::NETWORK_MODE.name(td.id.dialect);
            match td.network_mode {
                Owned::Known(_, span) => finding.label_in(
                    td.id.file,
                    span,
                    format!("`{network_mode}` is `{}`", mode.as_str()),
                ),
                _ => finding.label_in(
                    td.id.file,
                    td.id.anchor,
                    format!("no `{network_mode}`: `bridge` by default"),
                ),
            };
            finding.help(format!("set `{key}` to `{needed}`"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n";
    const TAIL: &str = "      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          PortMappings: [{ContainerPort: 80}]\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 80\n          TargetGroupArn: !Ref TG\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: HTTP\n";

    fn template(task: &str, tg: &str) -> String {
        format!("{HEAD}{task}{TAIL}{tg}")
    }

    #[test]
    fn cases() {
        let pass = [
            template("      NetworkMode: awsvpc\n", "      TargetType: ip\n"),
            template(
                "      NetworkMode: bridge\n",
                "      TargetType: instance\n",
            ),
            template("      NetworkMode: bridge\n", ""),
            template("", ""),
            template("      NetworkMode: host\n", "      TargetType: INSTANCE\n"),
            // Unknown: an intrinsic, a parameter, Fargate without a mode (ECS101's finding).
            template(
                "      NetworkMode: awsvpc\n",
                "      TargetType: !Ref Type\n",
            ),
            template(
                "      NetworkMode: !Ref Mode\n",
                "      TargetType: instance\n",
            ),
            template(
                "      RequiresCompatibilities: [FARGATE]\n",
                "      TargetType: instance\n",
            ),
        ];
        let fail = [
            template(
                "      NetworkMode: awsvpc\n",
                "      TargetType: instance\n",
            ),
            template("      NetworkMode: awsvpc\n", ""),
            template("      NetworkMode: bridge\n", "      TargetType: ip\n"),
            template("", "      TargetType: ip\n"),
            template("      NetworkMode: awsvpc\n", "      TargetType: lambda\n"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
