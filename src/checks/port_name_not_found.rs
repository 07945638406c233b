//! ECS415 port-name-not-found: a service's Service Connect or VPC Lattice `portName` names no
//! port mapping of the task definition it runs.

use crate::link::Workspace;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS415",
    name: "port-name-not-found",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [164, 168],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in ws.services.iter().filter(|s| !s.port_names.is_empty()) {
        let candidates = ws.task_defs_of(service);
        if candidates.is_empty() {
            continue;
        }
        // Every port name of every candidate, when all are known.
        let Some(known) = candidates
            .iter()
            .map(|td| {
                let containers = td.containers.complete()?;
                let mut names = Vec::new();
                for c in containers {
                    names.extend(c.port_names.complete()?.iter().map(|n| &**n));
                }
                Some(names)
            })
            .collect::<Option<Vec<Vec<&str>>>>()
        else {
            continue;
        };
        for (name, what, site) in &service.port_names {
            if known.iter().any(|names| names.contains(&&**name)) {
                continue;
            }
            let td = candidates[0];
            let finding = sink.report_at(
                site,
                format!(
                    "{what} `portName` `{name}` names no port mapping of task definition `{}`: ECS refuses the {}",
                    td.display_name(),
                    service.noun
                ),
            );
            finding.pairing(service, &candidates);
            let names: Vec<String> = known[0].iter().map(|n| format!("`{n}`")).collect();
            let suggestion = known[0]
                .iter()
                .map(|n| (strsim::jaro_winkler(n, name), n))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, n)| *n);
            match (suggestion, names.is_empty()) {
                (Some(n), _) => finding.help(format!(
                    "did you mean `{n}`? The task definition's port mappings are named {}",
                    names.join(", ")
                )),
                (None, true) => finding.help(
                    "give the container's port mapping a `name` and use it as the `portName`",
                ),
                (None, false) => finding.help(format!(
                    "use the `name` of one of the task definition's port mappings: {}",
                    names.join(", ")
                )),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let template = |mapping: &str, service: &str| {
            format!(
                "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: api\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: api\n          Image: nginx:1.27\n          Memory: 256\n          PortMappings:\n            - ContainerPort: 8080\n{mapping}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n{service}"
            )
        };
        let sc = |port: &str| {
            format!("      ServiceConnectConfiguration:\n        Enabled: true\n        Services:\n          - PortName: {port}\n")
        };
        let lattice = |port: &str| {
            format!("      VpcLatticeConfigurations:\n        - RoleArn: arn:aws:iam::1:role/r\n          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1\n          PortName: {port}\n")
        };
        let named = "              Name: http\n";
        let pass = [
            template(named, &sc("http")),
            template(named, &lattice("http")),
            template("              Name: !Ref PortName\n", &sc("http")),
            template(named, &sc("!Ref Port")),
            template(named, "      DesiredCount: 1\n"),
        ];
        let fail = [
            template(named, &sc("web")),
            template("", &sc("http")),
            template(named, &lattice("api-http")),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
