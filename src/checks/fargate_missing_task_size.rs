//! ECS102 fargate-missing-task-size: Fargate needs task-level `cpu` and `memory`.

use crate::model::fields::task;
use crate::model::Spelled;
use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS102",
    name: "fargate-missing-task-size",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    peers: ["cfn-lint:E3048"],
    constraints: [18],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if !(td.cpu.is_absent() || td.memory.is_absent()) || td.is_fargate() != Tri::Yes {
        return;
    }
    let fargate = td.fargate_span();
    // Suggest a size that is valid with what the file does state.
    let cpu_example = td
        .memory
        .known()
        .and_then(|m| {
            crate::domain::fargate::cpus_for_memory(m, false)
                .first()
                .copied()
        })
        .unwrap_or(256);
    let memory_example = td
        .cpu
        .known()
        .and_then(|c| crate::domain::fargate::memories(c).and_then(|m| m.first().copied()))
        .unwrap_or(512);
    for (field, missing, example) in [
        (&task::CPU, td.cpu.is_absent(), cpu_example),
        (&task::MEMORY, td.memory.is_absent(), memory_example),
    ] {
        if !missing {
            continue;
        }
        let field = td.key(field);
        let finding = sink.report(
            td.missing(),
            format!("Fargate requires a task-level `{field}`, but the task definition has none"),
        );
        if let Some(span) = fargate {
            finding.label(span, "Fargate is required here");
        }
        finding.help(format!(
            "set `{field}` to a valid Fargate size, for example \"{example}\""
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fargate_missing_task_size() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":256,"memory":512,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"1 vCPU","memory":"2 GB","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"${CPU}","memory":"{{ must_env `TASK_MEMORY` }}","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":"${COMPATIBILITIES}","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","cpu":256,"memory":512}]"#,
                r#"
family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: "${CPU}"
memory: "${MEMORY}"
containerDefinitions: [{name: web, image: "nginx:1.27"}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":null,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["EC2","FARGATE"],"memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"revision":3,"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"
family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
memory: "1024"
containerDefinitions: [{name: web, image: "nginx:1.27", memory: 1024}]"#,
            ],
        );
    }
}
