//! ECS103 invalid-fargate-task-size: the task `cpu`/`memory` pair must be a Fargate size.

use crate::domain::fargate::{
    cpu_label, cpu_values, cpus_for_memory, describe_memories, memories, nearest_cpus,
    nearest_memory, or_list,
};
use crate::model::fields::task;
use crate::model::value::{task_cpu, task_memory};
use crate::model::Spelled;
use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS103",
    name: "invalid-fargate-task-size",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    peers: ["cfn-lint:E3047", "cfn-lint:E3048", "kics:f4c9b5f5-68b8-491f-9e48-4f96644a1d51"],
    constraints: [19, 20],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.is_fargate() != Tri::Yes {
        return;
    }
    let windows = match td.is_windows() {
        Tri::Yes => true,
        Tri::No => false,
        // Not knowing the platform, only a size that is valid nowhere can be reported.
        Tri::Unknown
            if td
                .known_or_default(td.cpu, task_cpu)
                .is_some_and(|(c, _, _)| !cpu_values(false).contains(&c)) =>
        {
            false
        }
        Tri::Unknown => return,
    };
    // A size given by a template parameter is judged on the parameter's default.
    let Some((cpu, cpu_span, cpu_param)) = td.known_or_default(td.cpu, task_cpu) else {
        return;
    };
    if !cpu_values(windows).contains(&cpu) {
        let nearest: Vec<String> = nearest_cpus(cpu, windows)
            .into_iter()
            .map(cpu_label)
            .collect();
        let platform = if windows {
            "Windows on Fargate"
        } else {
            "Fargate"
        };
        sink.report(
            cpu_span,
            format!(
                "task `{}` {cpu} is not a {platform} size{}",
                td.key(&task::CPU),
                defaults(&[cpu_param])
            ),
        )
        .help(format!(
            "the nearest valid {} {}; {platform} accepts {}",
            if nearest.len() == 1 {
                "size is"
            } else {
                "sizes are"
            },
            or_list(&nearest),
            or_list(
                &cpu_values(windows)
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
            ),
        ));
        return;
    }
    let Some((memory, memory_span, memory_param)) = td.known_or_default(td.memory, task_memory)
    else {
        return;
    };
    let allowed = memories(cpu).unwrap_or_default();
    if allowed.contains(&memory) {
        return;
    }
    let mut help = Vec::new();
    if let Some(m) = nearest_memory(cpu, memory) {
        help.push(match memory_param {
            Some(p) => format!("set the `Default` of parameter `{p}` to \"{m}\""),
            None => format!("set `{}` to \"{m}\"", td.key(&task::MEMORY)),
        });
    }
    let cpus: Vec<String> = cpus_for_memory(memory, windows)
        .into_iter()
        .map(cpu_label)
        .collect();
    if !cpus.is_empty() {
        help.push(format!(
            "keep {memory} MiB with `{}` {}",
            td.key(&task::CPU),
            or_list(&cpus)
        ));
    }
    sink.report(
        memory_span,
        format!(
            "task `{}` {memory} MiB is not valid with `{}` {cpu} on Fargate{}",
            td.key(&task::MEMORY),
            td.key(&task::CPU),
            defaults(&[cpu_param, memory_param])
        ),
    )
    .label(
        cpu_span,
        format!(
            "`{}` {cpu} allows {}",
            td.key(&task::CPU),
            describe_memories(cpu)
        ),
    )
    .help(help.join(", or "));
}

/// " (with the default value of parameter `TaskCpu`)" when a size came from a parameter.
fn defaults(params: &[Option<&str>]) -> String {
    let named: Vec<String> = params.iter().flatten().map(|p| format!("`{p}`")).collect();
    match named.as_slice() {
        [] => String::new(),
        [one] => format!(" (with the default value of parameter {one})"),
        many => format!(
            " (with the default values of parameters {})",
            many.join(" and ")
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn invalid_fargate_task_size() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"2048","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"4096","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"8192","memory":"20480","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"16384","memory":"122880","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":1024,"memory":2048,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"1 vCPU","memory":"2 GB","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"${MEMORY}","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"{{ must_env `TASK_CPU` }}","memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"1024","memory":"2048","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"},"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"1024","runtimePlatform":{"operatingSystemFamily":"${OS_FAMILY}"},"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","memory":"4096","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","cpu":256,"memory":4096}]"#,
                r#"
family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: 0.5 vCPU
memory: 1GB
containerDefinitions: [{name: web, image: "nginx:1.27"}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"512","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"300","memory":"1024","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"8192","memory":"18432","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":1024,"memory":1024,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"0.5 vCPU","memory":"1024","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"},"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"300","memory":"1024","runtimePlatform":{"operatingSystemFamily":"${OS_FAMILY}"},"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"revision":3,"cpu":"256","memory":"3072","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"
family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: 0.25 vCPU
memory: 4 GB
containerDefinitions: [{name: web, image: "nginx:1.27"}]"#,
            ],
        );
    }
}
