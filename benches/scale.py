#!/usr/bin/env python3
"""Scale benchmark: ecslint against a bare parallel serde_json::Value parse, on generated sets
of 1,000, 10,000 and 100,000 files (task definitions and services, one in ten task
definitions and one in five services with a mistake), with 1 and 2 threads.

Reports wall time (median of RUNS runs after a warm-up), files/s, MB/s and peak memory
(maximum resident set size of the process). Writes the Markdown table to stdout.

    python3 benches/scale.py                # 1,000 10,000 100,000 files, 3 runs each
    SIZES=1000,10000 RUNS=5 python3 benches/scale.py
    SIZES=100000 GENERATE_ONLY=1 python3 benches/scale.py   # only write the files
    PROFILE=all python3 benches/scale.py    # every rule of the catalog (default: recommended)

The containers and services are written the way a team that runs every profile writes them (a
non-root user, a read-only root file system, images pinned by digest, a circuit breaker, tags,
security groups), so
every profile finds the same planted mistakes (and `host-network-mode` on the host-mode task
definitions) and the comparison measures checking, not writing more findings.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "target", "scale")
SIZES = [int(s) for s in os.environ.get("SIZES", "1000,10000,100000").split(",")]
RUNS = int(os.environ.get("RUNS", "3"))
PROFILE = os.environ.get("PROFILE", "recommended")

CONTAINER = """    {{
      "name": "app{c}",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/service-{i}:{c}.4.1@sha256:{digest}",
      "essential": {essential},
      "user": "1000:1000",
      "readonlyRootFilesystem": true,
      "cpu": 256,
      "memoryReservation": 512,
      "portMappings": [{{ "containerPort": {port}, "hostPort": {hport}, "protocol": "tcp" }}],
      "environment": [
        {{ "name": "SERVICE_NAME", "value": "service-{i}" }},
        {{ "name": "LOG_LEVEL", "value": "info" }}
      ],
      "logConfiguration": {{
        "logDriver": "awslogs",
        "options": {{ "awslogs-group": "/ecs/service-{i}", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app{c}" }}
      }},
      "healthCheck": {{ "command": ["CMD-SHELL", "curl -f http://localhost:{port}/health || exit 1"], "interval": 30, "timeout": 5, "retries": 3 }}
    }}"""

TASK = """{{
  "family": "service-{i}",
  "networkMode": "{mode}",
  "requiresCompatibilities": ["{compat}"],
  "cpu": "1024",
  "memory": "{memory}",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
{containers}
  ],
  "tags": [{{ "key": "team", "value": "platform" }}]
}}
"""

SERVICE = """{{
  "serviceName": "service-{t}",
  "cluster": "production",
  "taskDefinition": "service-{t}",
  "desiredCount": 3,
  "launchType": "{launch}",{network}
  "deploymentConfiguration": {{ "deploymentCircuitBreaker": {{ "enable": true, "rollback": true }} }},
  "tags": [{{ "key": "team", "value": "platform" }}],
  "loadBalancers": [
    {{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/s{t}/0123456789abcdef", "containerName": "app0", "containerPort": {port} }}
  ]
}}
"""


def generate(n):
    d = os.path.join(DATA, str(n))
    marker = os.path.join(d, ".complete-4")
    if os.path.exists(marker):
        return d
    subprocess.run(["rm", "-rf", d], check=True)
    for i in range(n):
        sub = os.path.join(d, "app%04d" % (i // 100))
        os.makedirs(sub, exist_ok=True)
        if i % 5 == 4:
            # The service's launch type and network configuration fit its task definition's
            # (Fargate and awsvpc for even ones, EC2 and host for odd ones): its only mistake is
            # the load balancer port of one service in two.
            fargate = (i - 1) % 2 == 0
            network = ('\n  "networkConfiguration": {{ "awsvpcConfiguration": {{ "subnets": ["subnet-0a1b2c3d4e5f60718"], "securityGroups": ["sg-0a1b2c3d4e5f60718"] }} }},'
                       if fargate else "")
            text = SERVICE.format(t=i - 1, port=9090 if i % 10 == 9 else 8080,
                                  launch="FARGATE" if fargate else "EC2", network=network.replace("{{", "{").replace("}}", "}"))
            name = "service-%d.json" % i
        else:
            fargate = i % 2 == 0
            broken = i % 10 == 3
            containers = ",\n".join(
                CONTAINER.format(c=c, i=i, essential="true" if c == 0 else "false", port=8080 + c,
                                 hport=(8081 if broken else 8080) if c == 0 else 8080 + c,
                                 digest="%064x" % (i * 3 + c))
                for c in range(3))
            text = TASK.format(i=i, mode="awsvpc" if fargate else "host", compat="FARGATE" if fargate else "EC2",
                               memory=3000 if broken and fargate else 2048, containers=containers)
            name = "taskdef-%d.json" % i
        with open(os.path.join(sub, name), "w") as f:
            f.write(text)
    open(marker, "w").close()
    return d


def size_of(d):
    total = 0
    for root, _, files in os.walk(d):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def measure(cmd, threads):
    """Wall time and peak RSS (KiB) of one run."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("%s exited %d" % (cmd, code))
    return wall, usage.ru_maxrss


def main():
    if os.environ.get("GENERATE_ONLY"):
        for n in SIZES:
            print(generate(n))
        return
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ecslint", "--example", "bare_parse"],
                   cwd=ROOT, check=True)
    ecslint = os.path.join(ROOT, "target", "release", "ecslint")
    bare = os.path.join(ROOT, "target", "release", "examples", "bare_parse")
    print("| files | MB | threads | run | median wall | files/s | MB/s | peak memory | vs bare parse |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in SIZES:
        d = generate(n)
        mb = size_of(d) / 1e6
        for threads in (1, 2):
            results = {}
            for name, cmd in (("bare serde_json parse", [bare, d]),
                              ("ecslint check --format json", [ecslint, "check", d, "--profile", PROFILE, "--format", "json", "--output", "/dev/null"])):
                measure(cmd, threads)  # warm-up
                runs = [measure(cmd, threads) for _ in range(RUNS)]
                wall = statistics.median(r[0] for r in runs)
                rss = max(r[1] for r in runs)
                results[name] = wall
                ratio = wall / results["bare serde_json parse"]
                print("| %d | %.1f | %d | %s | %.3f s | %.0f | %.1f | %.0f MB | %.2fx |"
                      % (n, mb, threads, name, wall, n / wall, mb / wall, rss / 1024, ratio), flush=True)


if __name__ == "__main__":
    main()
