//! ECS239 invalid-firelens-configuration: FireLens settings ECS refuses: a configuration file
//! from S3 on Fargate, a configuration file at the path FireLens writes its own to, a
//! FireLens buffer option on another log driver.

use crate::model::fields::{container, firelens_configuration, log_configuration, task};
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS239",
    name: "invalid-firelens-configuration",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [55, 80, 81],
}

/// Where FireLens writes the configuration it generates, per router type.
const RESERVED: [&str; 2] = [
    "/fluent-bit/etc/fluent-bit.conf",
    "/fluentd/etc/fluent.conf",
];

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    if let Some(log) = c.log_configuration.as_known() {
        let firelens = matches!(log.driver, Val::Known("awsfirelens", _));
        if let (false, Val::Known(driver, _), Val::Known(_, span)) =
            (firelens, log.driver, log.option("log-driver-buffer-limit"))
        {
            sink.report(
                c.at(span),
                format!(
                    "container {} sets `log-driver-buffer-limit`, a FireLens option, with the `{}` log driver: ECS takes it only with `awsfirelens`",
                    c.label(),
                    crate::domain::names::shown(driver)
                ),
            )
            .help(format!(
                "remove `log-driver-buffer-limit` from `{}.{}`, or log with `awsfirelens`",
                c.key(&container::LOG_CONFIGURATION),
                c.key(&log_configuration::OPTIONS)
            ));
        }
    }
    let Val::Known(firelens, _) = c.view().object(&container::FIRELENS_CONFIGURATION) else {
        return;
    };
    let Val::Known(options, _) = firelens.object(&firelens_configuration::OPTIONS) else {
        return;
    };
    let option = |name: &str| crate::model::value::text(options.node.get(name));
    if let (Tri::Yes, Val::Known("s3", span)) = (td.is_fargate(), option("config-file-type")) {
        let finding = sink.report(
            c.at(span),
            format!(
                "the log router {} loads its configuration from Amazon S3, which FireLens does not support on Fargate: ECS refuses the task definition",
                c.label()
            ),
        );
        if let Some(f) = td.fargate_span() {
            finding.label(f, "Fargate is required here");
        }
        finding.help(format!(
            "build the configuration file into the router's image and set `config-file-type` to `file` with the path inside the image, or drop Fargate from `{}`",
            td.key(&task::REQUIRES_COMPATIBILITIES)
        ));
    }
    if let Val::Known(path, span) = option("config-file-value") {
        if RESERVED.contains(&path) {
            sink.report(
                c.at(span),
                format!(
                    "the log router {} loads its custom configuration from `{path}`, where FireLens writes the configuration it generates: the two overwrite each other",
                    c.label()
                ),
            )
            .help("put the custom configuration at another path (`/extra.conf`); FireLens includes it in the one it generates");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, router: &str, app_log: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":["{compat}"],"networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[{{"name":"log_router","image":"fluent-bit:3.0","firelensConfiguration":{{"type":"fluentbit"{router}}}}},{{"name":"web","image":"nginx:1.27","logConfiguration":{app_log}}}]}}"#
            )
        };
        let fl = r#"{"logDriver":"awsfirelens","options":{"Name":"cloudwatch","log-driver-buffer-limit":"2097152"}}"#;
        let pass = [
            td(
                "FARGATE",
                r#","options":{"config-file-type":"file","config-file-value":"/extra.conf"}"#,
                fl,
            ),
            td(
                "EC2",
                r#","options":{"config-file-type":"s3","config-file-value":"arn:aws:s3:::b/extra.conf"}"#,
                fl,
            ),
            td(
                "FARGATE",
                r#","options":{"config-file-type":"${TYPE}"}"#,
                fl,
            ),
            td(
                "FARGATE",
                "",
                r#"{"logDriver":"awslogs","options":{"awslogs-group":"g","awslogs-region":"us-east-1","awslogs-stream-prefix":"p"}}"#,
            ),
        ];
        let fail = [
            td(
                "FARGATE",
                r#","options":{"config-file-type":"s3","config-file-value":"arn:aws:s3:::b/extra.conf"}"#,
                fl,
            ),
            td(
                "EC2",
                r#","options":{"config-file-type":"file","config-file-value":"/fluent-bit/etc/fluent-bit.conf"}"#,
                fl,
            ),
            td(
                "FARGATE",
                "",
                r#"{"logDriver":"awslogs","options":{"awslogs-group":"g","awslogs-region":"us-east-1","awslogs-stream-prefix":"p","log-driver-buffer-limit":"2097152"}}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
