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
    constraints: [149],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let candidates = ws.task_defs_of(service);
        // Say nothing when the task definition is not among the files, or when a candidate has
        // a container whose name we cannot read.
        let Some(known) = candidates
            .iter()
            .map(|t| t.container_names())
            .collect::<Option<Vec<Vec<&str>>>>()
        else {
            continue;
        };
        if candidates.is_empty() {
            continue;
        }
        for lb in &service.load_balancers {
            let (Some(name), Some(site)) = (lb.container_name.as_known(), &lb.container_name_site)
            else {
                continue;
            };
            if known.iter().any(|names| names.contains(&&**name)) {
                continue;
            }
            let td = candidates[0];
            let names: Vec<String> = known[0].iter().map(|n| format!("`{n}`")).collect();
            let finding = sink.report_at(
                site,
                format!(
                    "container `{name}` is not defined in task definition `{}`",
                    td.display_name()
                ),
            );
            finding.pairing(service, &candidates);
            let suggestion = known[0]
                .iter()
                .map(|n| (strsim::jaro_winkler(n, name), n))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, n)| *n);
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
