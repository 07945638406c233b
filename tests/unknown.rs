//! Unknown is a type: a placeholder standing for list items (in `containerDefinitions`,
//! `portMappings`, `environment`, `loadBalancers`), quoted or not, makes the list incomplete,
//! and nothing is concluded as "missing" from a list not known whole.

mod common;

use common::write;
use ecslint::load::{parse, Syntax};
use ecslint::model::{recognise, Recognised, Resource};

/// The resources of one JSON document.
fn with_resources(text: &str, f: impl FnOnce(&[Resource<'_>])) {
    let docs = parse(text, Syntax::Json).expect("parses");
    match recognise(&docs[0], text) {
        Recognised::Resources(r) => f(&r),
        other => panic!("not recognised: {other:?}"),
    }
}

#[test]
fn lists_holding_a_placeholder_are_not_complete() {
    for placeholder in ["\"${MORE}\"", "${MORE}", "{{ .Values.more }}"] {
        let task = format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "web", "image": "nginx:1.27", "memory": 128,
                  "portMappings": [{{"containerPort": 80}}, {placeholder}],
                  "environment": [{{"name": "A", "value": "1"}}, {placeholder}]}},
                {placeholder}]}}"#
        );
        with_resources(&task, |r| {
            let Resource::TaskDef(td) = &r[0] else {
                panic!("a task definition")
            };
            assert!(td.containers.complete().is_none(), "{placeholder}");
            assert_eq!(td.containers.iter().count(), 1);
            let c = td.containers.iter().next().expect("web");
            assert!(c.port_mappings.complete().is_none(), "{placeholder}");
            assert!(c.environment.complete().is_none(), "{placeholder}");
            assert_eq!(c.environment.iter().count(), 1);
        });
        let service = format!(
            r#"{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
                "loadBalancers": [{{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/w/1", "containerName": "web", "containerPort": 80}}, {placeholder}]}}"#
        );
        with_resources(&service, |r| {
            let Resource::Service(s) = &r[0] else {
                panic!("a service")
            };
            assert!(s.load_balancers.complete().is_none(), "{placeholder}");
            assert_eq!(s.load_balancers.iter().count(), 1);
        });
    }
    // Without a placeholder, the same lists are known whole.
    with_resources(
        r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "portMappings": [], "environment": []}]}"#,
        |r| {
            let Resource::TaskDef(td) = &r[0] else {
                panic!("a task definition")
            };
            assert!(td.containers.complete().is_some());
            let c = td.containers.iter().next().expect("web");
            assert!(c.port_mappings.complete().is_some() && c.environment.complete().is_some());
        },
    );
}

/// A task definition and a service; `more` is what follows the last item of each list.
fn write_pair(dir: &std::path::Path, n: usize, more: &str) {
    // Every container read says `essential: false`, but a placeholder may be the essential one
    // (ECS108); the service's container and port may be behind placeholders (ECS401, ECS402).
    write(
        dir,
        &format!("task{n}.json"),
        &format!(
            r#"{{"family": "web{n}", "containerDefinitions": [
                {{"name": "sidecar", "image": "envoy:1.30", "memory": 128, "essential": false,
                  "portMappings": [{{"containerPort": 9901}}{more}]}}{more}]}}"#
        ),
    );
    write(
        dir,
        &format!("service{n}.json"),
        &format!(
            r#"{{"serviceName": "web{n}", "taskDefinition": "web{n}", "desiredCount": 1, "loadBalancers": [
                {{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/w/1", "containerName": "web", "containerPort": 8080}},
                {{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/s/1", "containerName": "sidecar", "containerPort": 8080}}{more}]}}"#
        ),
    );
}

#[test]
fn a_placeholder_item_never_yields_a_missing_finding() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    write_pair(p, 0, r#", "${MORE}""#);
    write_pair(p, 1, ", ${MORE}");
    // A CloudFormation condition in place of an item: an expression, not an item without a
    // `name` (ECS105) or `memory` (ECS104).
    write_pair(
        p,
        2,
        r#", {"Fn::If": ["More", {"name": "web", "containerPort": 8080}, {"Ref": "AWS::NoValue"}]}"#,
    );
    let (code, doc, err) = common::run_json(p, &["."]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["findings"], serde_json::json!([]), "{doc}");

    // The same files without the placeholders give each finding: the test can fail.
    write_pair(p, 0, "");
    write_pair(p, 1, "");
    write_pair(p, 2, "");
    let (_, doc, _) = common::run_json(p, &["."]);
    let mut rules = common::finding_list(&doc, false);
    rules.sort();
    rules.dedup();
    assert_eq!(
        rules,
        vec![
            "service0.json ECS401",
            "service0.json ECS402",
            "service1.json ECS401",
            "service1.json ECS402",
            "service2.json ECS401",
            "service2.json ECS402",
            "task0.json ECS108",
            "task1.json ECS108",
            "task2.json ECS108",
        ],
        "{doc}"
    );
}

/// A reference is its own value: rules see it as unknown, the linker follows it.
#[test]
fn references_are_values_rules_cannot_read() {
    use ecslint::model::{Target, Val};
    for text in [
        r#"{"serviceName": "web", "taskDefinition": {"Ref": "TaskDef"}, "desiredCount": 1}"#,
        r#"{"serviceName": "web", "taskDefinition": {"Fn::GetAtt": ["TaskDef", "Arn"]}, "desiredCount": 1}"#,
    ] {
        with_resources(text, |r| {
            let Resource::Service(s) = &r[0] else {
                panic!("a service")
            };
            assert!(matches!(
                s.task_definition,
                Val::Ref(Target { id: "TaskDef", .. }, _)
            ));
            assert!(s.task_definition.is_unknown() && s.task_definition.known().is_none());
        });
    }
    let yaml = "serviceName: web\ntaskDefinition: !Ref TaskDef\ndesiredCount: 1\n";
    let docs = parse(yaml, Syntax::Yaml).expect("parses");
    let Recognised::Resources(r) = recognise(&docs[0], yaml) else {
        panic!("a service")
    };
    let Resource::Service(s) = &r[0] else {
        panic!("a service")
    };
    assert_eq!(s.task_definition.target().map(|t| t.id), Some("TaskDef"));
    // A service whose task definition is a reference is never linked to a family of that
    // name in another file.
    let dir = tempfile::tempdir().expect("tmp");
    write_pair(dir.path(), 0, "");
    write(
        dir.path(),
        "service0.json",
        r#"{"serviceName": "web0", "taskDefinition": {"Ref": "web0"}, "desiredCount": 1, "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/w/1", "containerName": "web", "containerPort": 8080}]}"#,
    );
    let (_, doc, _) = common::run_json(dir.path(), &["."]);
    let rules = common::finding_list(&doc, false);
    assert!(
        rules.iter().all(|r| !r.starts_with("service0.json")),
        "{doc}"
    );
}

/// Every CloudFormation intrinsic, short form and long form, standing where a rule would
/// judge a value (a host port under `awsvpc`, a Fargate size, a container name a load balancer
/// entry looks for, an image tag), is unknown: no finding.
#[test]
fn every_intrinsic_is_unknown_to_every_rule() {
    let short = [
        "!Ref Param",
        "!Sub '${Param}'",
        "!GetAtt Other.Attribute",
        "!Join ['', [a, !Ref Param]]",
        "!Select [0, !Ref List]",
        "!FindInMap [Map, !Ref AWS::Region, Key]",
        "!ImportValue shared-value",
        "!Base64 {Ref: Param}",
        "!Split [',', !Ref Param]",
        "!GetAZs ''",
        "!Cidr [!Ref Block, 6, 5]",
        "!If [Cond, !Ref Param, !Ref Other]",
        "!Transform {Name: Macro, Parameters: {}}",
        "!Equals [a, !Ref Param]",
        "!Not [!Condition Cond]",
        "!And [!Condition A, !Condition B]",
        "!Or [!Condition A, !Condition B]",
        "!Condition Cond",
        "{Ref: Param}",
        "{'Fn::Sub': '${Param}'}",
        "{'Fn::GetAtt': [Other, Attribute]}",
        "{'Fn::If': [Cond, {Ref: Param}, {Ref: Other}]}",
        "{'Fn::ImportValue': {'Fn::Sub': '${Stack}-port'}}",
    ];
    let dir = tempfile::tempdir().expect("tmp");
    for (i, value) in short.iter().enumerate() {
        let template = format!(
            "AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n  Cond: !Equals [!Ref Param, x]\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: awsvpc\n      RequiresCompatibilities: [FARGATE]\n      Cpu: 256\n      Memory: {value}\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec\n      ContainerDefinitions:\n        - Name: {value}\n          Image: {value}\n          User: '1000'\n          ReadonlyRootFilesystem: true\n          LogConfiguration:\n            LogDriver: awslogs\n            Options: {{awslogs-group: g, awslogs-region: us-east-1, awslogs-stream-prefix: p}}\n          Essential: {value}\n          Privileged: {value}\n          PortMappings:\n            - ContainerPort: 80\n              HostPort: {value}\n          Environment:\n            - Name: DB_PASSWORD\n              Value: {value}\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      LaunchType: FARGATE\n      SchedulingStrategy: {value}\n      DeploymentConfiguration:\n        DeploymentCircuitBreaker: {{Enable: true, Rollback: true}}\n      NetworkConfiguration: {value}\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: {value}\n          TargetGroupArn: {value}\n"
        );
        let path = dir.path().join(format!("t{i}.yaml"));
        std::fs::write(&path, &template).expect("write");
        let outcome = common::lint(&[path], &ecslint::engine::Plan::all());
        assert!(
            outcome.statuses.iter().all(|s| s.linted()),
            "{value}: {:?}",
            outcome.statuses
        );
        assert!(
            outcome.findings.is_empty(),
            "{value}:\n{}",
            common::human(&outcome)
        );
    }
}
