//! ECS602 execute-command-logging-disabled: a cluster that turns off the logging of ECS Exec
//! sessions.

use crate::model::fields::cluster;
use crate::model::{Cluster, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS602",
    name: "execute-command-logging-disabled",
    category: Security,
    severity: Warning,
    check: Cluster(check),
    security_severity: "4.0",
    profile: Security,
    peers: ["checkov:CKV_AWS_223"],
}

fn check(c: &Cluster<'_>, sink: &mut Sink<'_>) {
    let Val::Known(config, _) = c.view().object(&cluster::CONFIGURATION) else {
        return;
    };
    let Val::Known(exec, _) = config.object(&cluster::EXECUTE_COMMAND_CONFIGURATION) else {
        return;
    };
    let Val::Known(logging, span) = exec.text(&cluster::LOGGING) else {
        return;
    };
    if !logging.eq_ignore_ascii_case("NONE") {
        return;
    }
    sink.report(
        span,
        "the cluster does not log ECS Exec sessions: commands run in production containers through `aws ecs execute-command` leave no record",
    )
    .help(format!(
        "set `{}` to `DEFAULT` (the container's awslogs configuration) or `OVERRIDE` with a log group or bucket of your own",
        c.key(&cluster::LOGGING)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let cluster = |logging: &str| {
            format!("Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties:\n      Configuration:\n        ExecuteCommandConfiguration:\n          Logging: {logging}\n")
        };
        let pass = [
            cluster("DEFAULT"),
            cluster("OVERRIDE"),
            cluster("!Ref Logging"),
            "Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n".to_string(),
        ];
        let fail = [cluster("NONE")];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
