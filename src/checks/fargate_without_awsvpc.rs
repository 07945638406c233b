//! ECS101 fargate-without-awsvpc: a Fargate task definition must state `networkMode: awsvpc`.

use crate::model::fields::task;
use crate::model::Spelled;
use crate::model::{TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS101",
    name: "fargate-without-awsvpc",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    peers: ["cfn-lint:E3048"],
    constraints: [38],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.is_fargate() != Tri::Yes {
        return;
    }
    let fargate = td.fargate_span();
    let network_mode = td.key(&task::NETWORK_MODE);
    let finding = match td.network_mode {
        Val::Known("awsvpc", _) | Val::Unknown(_) | Val::Ref(..) => return,
        Val::Known(mode, span) => sink.report(
            span,
            format!("Fargate requires network mode `awsvpc`, but `{network_mode}` is `{mode}`"),
        ),
        Val::Absent => sink.report(
            td.missing(),
            format!("Fargate requires network mode `awsvpc`, but `{network_mode}` is omitted, which means `bridge`"),
        ),
    };
    if let Some(span) = fargate {
        finding.label(span, "Fargate is required here");
    }
    finding.help(format!("set `{network_mode}` to \"awsvpc\""));
}

#[cfg(test)]
mod tests {
    #[test]
    fn fargate_without_awsvpc() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"{{ must_env `NETWORK_MODE` }}","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"${NETWORK_MODE}","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["${LAUNCH_TYPE}"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"[{"name":"web","image":"nginx:1.27","essential":true}]"#,
                r#"
family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
containerDefinitions: [{name: web, image: "nginx:1.27"}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":null,"requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2","FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"networkMode":"bridge","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"
family: web
networkMode: host
requiresCompatibilities: [FARGATE]
containerDefinitions: [{name: web, image: "nginx:1.27"}]"#,
            ],
        );
    }
}
