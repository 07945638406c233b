//! ECS401 load-balancer-container-not-found: a service's `loadBalancers[].containerName` must
//! name a container of the task definition the service runs.

use crate::link::Workspace;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS401",
    name: "load-balancer-container-not-found",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let Some(reference) = &service.task_def else {
            continue;
        };
        let candidates = ws.resolve(reference);
        // Say nothing when the task definition is not among the files, or when a candidate has
        // a container whose name we cannot read.
        if candidates.is_empty() || candidates.iter().any(|t| t.names_incomplete) {
            continue;
        }
        for lb in &service.load_balancers {
            let Some((name, span)) = &lb.container_name else {
                continue;
            };
            if candidates
                .iter()
                .any(|t| t.containers.iter().any(|c| &c.name == name))
            {
                continue;
            }
            let td = candidates[0];
            let names: Vec<String> = td
                .containers
                .iter()
                .map(|c| format!("`{}`", c.name))
                .collect();
            let finding = sink.report_in(
                service.file,
                *span,
                &lb.container_name_pointer,
                format!(
                    "container `{name}` is not defined in task definition `{}`",
                    td.family
                ),
            );
            finding
                .resource(service.name.clone())
                .stable(&lb.container_name_stable)
                .related(candidates.iter().map(|t| t.file));
            finding.label_in(
                td.file,
                td.anchor,
                format!("task definition `{}` is defined here", td.family),
            );
            let suggestion = td
                .containers
                .iter()
                .map(|c| (strsim::jaro_winkler(&c.name, name), &c.name))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, n)| n.clone());
            match suggestion {
                Some(n) => finding.help(format!(
                    "did you mean `{n}`? The task definition's containers are {}",
                    names.join(", ")
                )),
                None => finding.help(format!(
                    "name one of the task definition's containers: {}",
                    names.join(", ")
                )),
            };
        }
    }
}
