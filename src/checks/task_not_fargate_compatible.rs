//! ECS407 task-not-fargate-compatible: a service on Fargate must run a task definition that
//! Fargate accepts.

use crate::link::{Owned, Workspace};
use crate::model::fields::{service, task};
use crate::model::{NetworkMode, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS407",
    name: "task-not-fargate-compatible",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    peers: ["cfn-lint:E3054"],
    constraints: [38, 120],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for s in &ws.services {
        let (Some(lt), Some(span)) = (s.launch_type.as_known(), s.launch_type_span) else {
            continue;
        };
        if !lt.eq_ignore_ascii_case("FARGATE") {
            continue;
        }
        let candidates = ws.task_defs_of(s);
        // Not compatible: it does not require Fargate (a list known whole without it), and its
        // network mode is not `awsvpc` (ECS marks an `awsvpc` task definition with a Fargate
        // size compatible even when it does not ask).
        let incompatible = |t: &&crate::link::LinkedTaskDef| {
            t.fargate == Tri::No
                && matches!(
                    t.network_mode,
                    Owned::Absent
                        | Owned::Known(
                            NetworkMode::Bridge | NetworkMode::Host | NetworkMode::None,
                            _
                        )
                )
        };
        if candidates.is_empty() || !candidates.iter().all(incompatible) {
            continue;
        }
        let td = candidates[0];
        let mode = match td.network_mode {
            Owned::Known(m, _) => format!("`{}` network mode", m.as_str()),
            _ => "no network mode (`bridge`)".to_string(),
        };
        let requires = task::REQUIRES_COMPATIBILITIES.name(td.id.dialect);
        let site = s.field_site(&service::LAUNCH_TYPE, span);
        let finding = sink.report_at(
            &site,
            format!(
                "{} runs on Fargate, but task definition `{}` is not Fargate-compatible: `{requires}` does not name `FARGATE`, and it uses {mode}",
                s.called(),
                td.display_name()
            ),
        );
        finding
            .resource(s.name())
            .related(candidates.iter().map(|t| t.id.file))
            .label_in(td.id.file, td.id.anchor, "the task definition is defined here")
            .help(format!(
                "add `FARGATE` to `{requires}` with `{}` `awsvpc` and a Fargate size, or set `{}` to `EC2`",
                task::NETWORK_MODE.name(td.id.dialect),
                service::LAUNCH_TYPE.name(s.id.dialect)
            ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(task: &str, launch: &str) -> String {
        format!("Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n{task}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      LaunchType: {launch}\n      NetworkConfiguration: {{AwsvpcConfiguration: {{Subnets: [a]}}}}\n")
    }

    #[test]
    fn cases() {
        let pass = [
            template(
                "      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n",
                "FARGATE",
            ),
            template("      NetworkMode: awsvpc\n", "FARGATE"),
            template(
                "      RequiresCompatibilities: [EC2]\n      NetworkMode: bridge\n",
                "EC2",
            ),
            template("      RequiresCompatibilities: [!Ref Compat]\n", "FARGATE"),
            template(
                "      RequiresCompatibilities: [EC2]\n      NetworkMode: !Ref Mode\n",
                "FARGATE",
            ),
            template("      RequiresCompatibilities: [EC2]\n", "!Ref LaunchType"),
        ];
        let fail = [
            template(
                "      RequiresCompatibilities: [EC2]\n      NetworkMode: bridge\n",
                "FARGATE",
            ),
            template("", "FARGATE"),
            template("      NetworkMode: host\n", "FARGATE"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
