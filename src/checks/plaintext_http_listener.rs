//! ECS501 plaintext-http-listener: a load balancer listener serves HTTP without redirecting
//! it to HTTPS.

use crate::model::fields::listener;
use crate::model::{Listener, ListenerKind, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS501",
    name: "plaintext-http-listener",
    category: Security,
    severity: Warning,
    check: Listener(check),
    security_severity: "5.0",
    peers: ["checkov:CKV_AWS_2", "checkov:CKV2_AWS_20", "trivy:AVD-AWS-0054", "kics:275a3217-ca37-40c1-a6cf-bb57d245ab32"],
}

fn check(l: &Listener<'_>, sink: &mut Sink<'_>) {
    if l.kind != ListenerKind::Listener || l.redirects_to_https != Tri::No {
        return;
    }
    let Some((protocol, span)) = l.protocol.known_at() else {
        return;
    };
    if !protocol.eq_ignore_ascii_case("HTTP") {
        return;
    }
    let key = listener::PROTOCOL.name(l.dialect);
    sink.report(
        span,
        format!(
            "listener `{}` serves plain HTTP: traffic between clients and the load balancer is not encrypted",
            l.logical_id.unwrap_or("")
        ),
    )
    .help(format!(
        "set `{key}` to `HTTPS` with a certificate, or make this listener's only action a redirect to HTTPS"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listener(protocol: &str, actions: &str) -> String {
        format!("Parameters:\n  Lb: {{Type: String}}\nResources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [{{Name: a, Image: 'b:1', Memory: 128}}]\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n      Port: 80\n      Protocol: {protocol}\n      DefaultActions:\n{actions}")
    }

    #[test]
    fn cases() {
        let forward = "        - Type: forward\n          TargetGroupArn: !Ref TG\n";
        let redirect = "        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: '443'\n            StatusCode: HTTP_301\n";
        let pass = [
            listener("HTTPS", forward),
            listener("TCP", forward),
            listener("HTTP", redirect),
            listener("!Ref Protocol", forward),
            listener("HTTP", "        - !If [Tls, {Type: redirect}, {Type: forward}]\n"),
            listener("HTTP", "        - Type: redirect\n          RedirectConfig:\n            Protocol: !Ref RedirectProtocol\n"),
            listener("HTTP", "        - Type: redirect\n          RedirectConfig: !If [Tls, {Protocol: HTTPS}, {Protocol: HTTPS}]\n"),
        ];
        let fail = [
            listener("HTTP", forward),
            listener("HTTP", "        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTP\n            Path: /new\n"),
            listener("HTTP", "        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}\n"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
