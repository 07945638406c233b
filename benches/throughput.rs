//! Throughput benchmark: ecslint against a bare parallel `serde_json::Value` parse of the same
//! generated files (list, read, parse; nothing printed).
//!
//!     cargo bench --bench throughput                 # 10,000 files
//!     BENCH_FILES=1000 BENCH_RUNS=9 cargo bench --bench throughput
//!
//! Both sides list the directory, read every file and parse it on all cores with rayon; ecslint
//! also recognises the resources, runs every rule, links services to task definitions and
//! renders the JSON report. The figure is the median of BENCH_RUNS runs after one warm-up.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

fn main() {
    let files: usize = std::env::var("BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-{files}"));
    let bytes = generate(&dir, files);
    println!(
        "{files} files, {:.1} MB, {} threads, median of {runs} runs",
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );

    let bare = measure(runs, || bare_parse(&dir));
    let lint = measure(runs, || ecslint_run(&dir));
    println!("| run | median | files/s | MB/s | vs bare parse |");
    println!("|---|---|---|---|---|");
    for (name, t) in [
        ("serde_json::Value parse (bare)", bare),
        ("ecslint check --format json", lint),
    ] {
        let s = t.as_secs_f64();
        println!(
            "| {name} | {:.0} ms | {:.0} | {:.1} | {:.2}x |",
            s * 1e3,
            files as f64 / s,
            bytes as f64 / 1e6 / s,
            s / bare.as_secs_f64()
        );
    }
}

fn measure(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    let expected = f(); // warm-up (page cache, allocator)
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let n = f();
            let t = start.elapsed();
            assert_eq!(n, expected, "runs must do the same work");
            t
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn list(dir: &Path) -> Vec<PathBuf> {
    ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect()
}

fn bare_parse(dir: &Path) -> usize {
    list(dir)
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("read");
            let v: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
            usize::from(v.is_object())
        })
        .sum()
}

fn ecslint_run(dir: &Path) -> usize {
    let found =
        ecslint::discover::discover(&[dir.to_path_buf()], &ecslint::discover::Filters::default());
    let outcome = ecslint::engine::run(&found.inputs, &ecslint::engine::Plan::all());
    let report = ecslint::report::json::render(&outcome, false);
    std::hint::black_box(report.len());
    outcome.files.len()
}

/// Writes `n` task definitions and services (one in ten with a mistake), unless already there.
fn generate(dir: &Path, n: usize) -> u64 {
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(dir);
        for i in 0..n {
            let sub = dir.join(format!("app{:03}", i / 100));
            std::fs::create_dir_all(&sub).expect("mkdir");
            let (name, text) = if i % 5 == 4 {
                service(i)
            } else {
                task_definition(i)
            };
            std::fs::write(sub.join(name), text).expect("write");
        }
        std::fs::write(&marker, "").expect("marker");
    }
    list(dir)
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum()
}

fn task_definition(i: usize) -> (String, String) {
    let fargate = i % 2 == 0;
    let broken = i % 10 == 3;
    let host_port = if broken { 8081 } else { 8080 };
    let memory = if broken && fargate { 3000 } else { 2048 };
    let containers: Vec<String> = (0..3)
        .map(|c| {
            format!(
                r#"    {{
      "name": "app{c}",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/service-{i}:{c}.4.1",
      "essential": {essential},
      "cpu": 256,
      "memoryReservation": 512,
      "portMappings": [{{ "containerPort": {port}, "hostPort": {hport}, "protocol": "tcp" }}],
      "environment": [
        {{ "name": "SERVICE_NAME", "value": "service-{i}" }},
        {{ "name": "LOG_LEVEL", "value": "info" }},
        {{ "name": "PORT", "value": "{port}" }}
      ],
      "logConfiguration": {{
        "logDriver": "awslogs",
        "options": {{
          "awslogs-group": "/ecs/service-{i}",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "app{c}"
        }}
      }},
      "healthCheck": {{
        "command": ["CMD-SHELL", "curl -f http://localhost:{port}/health || exit 1"],
        "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 10
      }}
    }}"#,
                essential = c == 0,
                port = 8080 + c,
                hport = if c == 0 { host_port } else { 8080 + c },
            )
        })
        .collect();
    let text = format!(
        r#"{{
  "family": "service-{i}",
  "networkMode": "{mode}",
  "requiresCompatibilities": ["{compat}"],
  "cpu": "1024",
  "memory": "{memory}",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "taskRoleArn": "arn:aws:iam::123456789012:role/service-{i}",
  "containerDefinitions": [
{containers}
  ],
  "tags": [{{ "key": "team", "value": "platform" }}]
}}
"#,
        mode = if fargate { "awsvpc" } else { "host" },
        compat = if fargate { "FARGATE" } else { "EC2" },
        containers = containers.join(",\n"),
    );
    (format!("taskdef-{i}.json"), text)
}

fn service(i: usize) -> (String, String) {
    let target = i - 1;
    let port = if i % 10 == 9 { 9090 } else { 8080 };
    let text = format!(
        r#"{{
  "serviceName": "service-{target}",
  "cluster": "production",
  "taskDefinition": "service-{target}",
  "desiredCount": 3,
  "launchType": "FARGATE",
  "networkConfiguration": {{
    "awsvpcConfiguration": {{ "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"], "assignPublicIp": "DISABLED" }}
  }},
  "loadBalancers": [
    {{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/s{target}/0123456789abcdef", "containerName": "app0", "containerPort": {port} }}
  ]
}}
"#
    );
    (format!("service-{i}.json"), text)
}
