#!/usr/bin/env python3
"""CloudFormation benchmark: ecslint against cfn-lint and checkov on the same generated ECS
templates, as whole processes, and whether ecslint finds every ECS mistake cfn-lint finds.

Generates COUNT templates (default 1,000) under target/cfn-bench/, each with a task definition,
a service, a target group and a listener; one template in five to seventeen carries one of the
mistakes cfn-lint's ECS rules check (E3042, E3044, E3047, E3052, E3053, E3054). cfn-lint 1.58.0
and checkov 3.3.30 are installed from PyPI into a virtual environment the script makes
(target/cfn-bench/venv); without network access, or when they do not install, they are skipped
with a message and ecslint is measured alone.

    python3 benches/cfn_peers.py                 # 1,000 templates, 3 runs each
    COUNT=200 RUNS=5 python3 benches/cfn_peers.py
    NO_PEERS=1 python3 benches/cfn_peers.py      # ecslint only
    CFN_LINT_V2=/path/to/cfn-lint python3 benches/cfn_peers.py

CFN_LINT_V2 names a binary of cfn-lint's Rust port (branch `v2` of
aws-cloudformation/cfn-lint, built with `cargo build --release -p cfn-lint`); it is timed on the
same templates as a second speed anchor. docs/performance.md says how it was built here.

Prints a Markdown table (median wall time, templates/s, ecslint's speed-up) and the parity
count: of the (template, cfn-lint ECS rule) pairs cfn-lint reports, how many ecslint reports
with the rule that checks the same mistake.
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "target", "cfn-bench")
COUNT = int(os.environ.get("COUNT", "1000"))
RUNS = int(os.environ.get("RUNS", "3"))
PEERS = {"cfn-lint": "cfn-lint==1.58.0", "checkov": "checkov==3.3.30"}

# cfn-lint ECS rule ids and the ecslint rules that check the same mistake (docs/cfn-lint.md).
SAME = {
    "E3042": {"ECS108", "ECS106"},
    "E3044": {"ECS301"},
    "E3047": {"ECS103"},
    "E3046": {"ECS111", "ECS112"},
    "E3048": {"ECS101", "ECS102", "ECS103", "ECS113", "ECS114"},
    "E3052": {"ECS406"},
    "E3053": {"ECS201"},
    "E3054": {"ECS407"},
    "E3713": {"ECS113", "ECS407"},
}

TEMPLATE = """AWSTemplateFormatVersion: "2010-09-09"
Description: service {i}
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  VpcId:
    Type: AWS::EC2::VPC::Id
  LoadBalancerArn:
    Type: String
  SecurityGroup:
    Type: AWS::EC2::SecurityGroup::Id
Resources:
  LogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub "/ecs/service-{i}"
      RetentionInDays: 30
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: service-{i}
      NetworkMode: {mode}
      RequiresCompatibilities: [{compat}]
      Cpu: "{cpu}"
      Memory: "{memory}"
      ExecutionRoleArn: !Sub "arn:aws:iam::${{AWS::AccountId}}:role/ecsTaskExecutionRole"
      ContainerDefinitions:
        - Name: app
          Image: !Sub "${{AWS::AccountId}}.dkr.ecr.${{AWS::Region}}.amazonaws.com/service-{i}:1.4.{i}"
          Essential: {essential}
          PortMappings:
            - ContainerPort: 8080
              HostPort: {host_port}
              Protocol: tcp
          Environment:
            - Name: SERVICE_NAME
              Value: service-{i}
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref LogGroup
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: app
        - Name: sidecar
          Image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0
          Essential: false
          MemoryReservation: 128
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 8080
      Protocol: HTTP
      TargetType: {target_type}
      VpcId: !Ref VpcId
      HealthCheckPath: /health
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LoadBalancerArn
      Port: {listener_port}
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref TargetGroup
  Service:
    Type: AWS::ECS::Service
    DependsOn: Listener
    Properties:
      Cluster: production
      TaskDefinition: !Ref TaskDefinition
      DesiredCount: 2
      LaunchType: FARGATE
{strategy}{network}      LoadBalancers:
        - ContainerName: app
          ContainerPort: 8080
          TargetGroupArn: !Ref TargetGroup
"""

NETWORK = """      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: !Ref Subnets
          SecurityGroups: [!Ref SecurityGroup]
"""


def template(i):
    v = dict(
        i=i,
        mode="awsvpc",
        compat="FARGATE",
        cpu=512,
        memory=1024,
        essential="true",
        host_port=8080,
        target_type="ip",
        listener_port=10000 + i,
        strategy="",
        network=NETWORK,
    )
    if i % 5 == 1:
        v.update(cpu=256, memory=4096)  # E3047, ECS103
    elif i % 7 == 2:
        v.update(strategy="      SchedulingStrategy: DAEMON\n")  # E3044, ECS301
    elif i % 9 == 3:
        v.update(network="")  # E3052, ECS406
    elif i % 11 == 4:
        v.update(mode="bridge", compat="EC2", target_type="instance", host_port=0)  # E3054, ECS407
    elif i % 13 == 5:
        v.update(host_port=80)  # E3053, ECS201
    elif i % 17 == 6:
        v.update(essential="false")  # E3042, ECS108
    return TEMPLATE.format(**v)


def generate(directory):
    os.makedirs(directory, exist_ok=True)
    for i in range(COUNT):
        path = os.path.join(directory, f"service-{i:05d}.yaml")
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write(template(i))


def venv_tools():
    """cfn-lint and checkov from a virtual environment, or None with the reason."""
    if os.environ.get("NO_PEERS"):
        return None, "NO_PEERS is set"
    venv = os.path.join(BASE, "venv")
    bin_dir = os.path.join(venv, "bin")
    tools = {name: os.path.join(bin_dir, name) for name in PEERS}
    if all(os.path.exists(t) for t in tools.values()):
        return tools, None
    try:
        subprocess.run([sys.executable, "-m", "venv", venv], check=True, capture_output=True)
        subprocess.run(
            [os.path.join(bin_dir, "pip"), "install", "--quiet", *PEERS.values()],
            check=True,
            capture_output=True,
            timeout=1800,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        detail = getattr(e, "stderr", b"") or b""
        return None, f"could not install {', '.join(PEERS.values())}: {detail.decode(errors='replace')[-300:] or e}"
    return tools, None


def timed(cmd, runs):
    """Median wall time of `runs` runs after a warm-up, and the last run's stdout."""
    out = None
    times = []
    for r in range(runs + 1):
        start = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        elapsed = time.perf_counter() - start
        out = p.stdout
        if r:
            times.append(elapsed)
    return statistics.median(times), out


def main():
    directory = os.path.join(BASE, str(COUNT))
    generate(directory)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ecslint"], cwd=ROOT, check=True)
    ecslint = os.path.join(ROOT, "target", "release", "ecslint")
    rows = []
    t, out = timed([ecslint, "check", directory, "--format", "json", "--output", "/dev/stdout"], RUNS)
    rows.append(("ecslint check --format json", t))
    ours = {}
    for f in json.loads(out or b"{}").get("findings", []):
        ours.setdefault(os.path.basename(f["file"]), set()).add(f["rule"])

    tools, why = venv_tools()
    parity = None
    if tools is None:
        print(f"cfn-lint and checkov skipped: {why}", file=sys.stderr)
    else:
        files = sorted(os.path.join(directory, n) for n in os.listdir(directory))
        t, out = timed([tools["cfn-lint"], "--format", "json", "--", *files], RUNS)
        rows.append(("cfn-lint 1.58.0 --format json", t))
        theirs = set()
        for m in json.loads(out or b"[]"):
            rule = m.get("Rule", {}).get("Id", "")
            if rule in SAME:
                theirs.add((os.path.basename(m.get("Filename", "")), rule))
        found = sum(1 for (f, r) in theirs if ours.get(f, set()) & SAME[r])
        missed = sorted((f, r) for (f, r) in theirs if not ours.get(f, set()) & SAME[r])
        parity = (found, len(theirs), missed)
        t, _ = timed(
            [tools["checkov"], "-d", directory, "--framework", "cloudformation",
             "--skip-download", "--quiet", "-o", "json"],
            RUNS,
        )
        rows.append(("checkov 3.3.30 --framework cloudformation", t))

    v2 = os.environ.get("CFN_LINT_V2")
    if v2:
        files = sorted(os.path.join(directory, n) for n in os.listdir(directory))
        t, _ = timed([v2, *files], RUNS)
        rows.append(("cfn-lint v2 (Rust port)", t))

    ours_t = rows[0][1]
    print(f"{COUNT} templates, median of {RUNS} runs after a warm-up\n")
    print("| tool | median wall | templates/s | ecslint is faster by |")
    print("|---|---|---|---|")
    for name, t in rows:
        print(f"| {name} | {t:.3f} s | {COUNT / t:.0f} | {t / ours_t:.0f}x |")
    if parity:
        found, total, missed = parity
        print(f"\nECS mistakes cfn-lint reports (template, rule): {total}; ecslint reports {found} of them.")
        for f, r in missed[:20]:
            print(f"  missed: {f} {r}")


if __name__ == "__main__":
    main()
