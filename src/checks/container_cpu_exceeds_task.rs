//! ECS104 container-cpu-exceeds-task: the containers' `cpu` must fit in the task's `cpu`.

use crate::model::fields::{container, task};
use crate::model::Spelled;
use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS104",
    name: "container-cpu-exceeds-task",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [28],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Windows ignores task-level cpu; containers' values are what counts there.
    // The API documents task-level sizes as ignored for Windows containers, so a mismatch
    // is not known to fail there (on Fargate either); say nothing.
    if td.is_windows() != Tri::No {
        return;
    }
    let Some((task_cpu, task_span)) = td.cpu.known_at() else {
        return;
    };
    let known: Vec<_> = td
        .containers
        .iter()
        .filter_map(|c| c.cpu.known_at().map(|(v, s)| (c, v, s)))
        .collect();
    // Unknown container values only add to the sum, so the known part already proves it.
    let total: i64 = known
        .iter()
        .fold(0i64, |acc, (_, v, _)| acc.saturating_add(*v));
    if total <= task_cpu {
        return;
    }
    let cpu = td.key(&task::CPU);
    let message = if known.len() == 1 {
        format!(
            "container {} reserves {total} CPU units, more than the task's `{cpu}` {task_cpu}",
            known[0].0.label()
        )
    } else {
        format!(
            "containers reserve {total} CPU units in total, more than the task's `{cpu}` {task_cpu}"
        )
    };
    let finding = sink.report(task_span, message);
    for (c, v, s) in &known {
        finding.label(*s, format!("{} reserves {v}", c.label()));
    }
    let container_cpu = td.key(&container::CPU);
    finding.help(format!(
        "raise the task `{cpu}`, or lower the containers' `{container_cpu}` so they add up to at most {task_cpu}"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn container_cpu_exceeds_task() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":256}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":128},{"name":"log","image":"nginx:1.27","cpu":128}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":4096}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":256},{"name":"log","image":"nginx:1.27","cpu":"${LOG_CPU}"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"{{ must_env `TASK_CPU` }}","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":4096}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"0.5 vCPU","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":512}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"1024","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"},"containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":2048}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"1024","runtimePlatform":{"operatingSystemFamily":"${OS}"},"containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":2048}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","cpu":4096}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":512}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":128},{"name":"log","image":"nginx:1.27","cpu":129}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":256,"containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":"512"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"0.25 vCPU","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":512}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27","cpu":512}],"revision":3}}"#,
                r#"
family: web
requiresCompatibilities: [EC2]
cpu: "1024"
containerDefinitions:
  - {name: web, image: "nginx:1.27", memory: 512, cpu: 1024}
  - {name: log, image: "fluent-bit:2.2", memory: 64, cpu: 1}"#,
            ],
        );
    }
}
